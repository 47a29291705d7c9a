package org.minima.api.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;

import org.junit.jupiter.api.Test;

class DataValuesTest {

    @Test
    void conwaysRuleParsesAndDecides() {
        assertEquals(Set.of(3), Rule.CONWAY.birth());
        assertEquals(Set.of(2, 3), Rule.CONWAY.survival());
        assertEquals("B3/S23", Rule.CONWAY.toString());
        assertTrue(Rule.CONWAY.next(false, 3));
        assertTrue(Rule.CONWAY.next(true, 2));
        assertFalse(Rule.CONWAY.next(false, 2));
        assertFalse(Rule.CONWAY.next(true, 4));
        assertEquals("B36/S23", Rule.parse("b63/s32").toString());
        assertEquals("B/S", Rule.parse("B/S").toString());
    }

    @Test
    void malformedRulesAreRejectedWithTheExpectedNotation() {
        for (String bad : new String[] {"23/3", "B9/S23", "B3S23", "B3/S2x"}) {
            String message = assertThrows(IllegalArgumentException.class, () -> Rule.parse(bad)).getMessage();
            assertTrue(message.contains("B3/S23"), message);
        }
    }

    @Test
    void aRuleMustFitItsNeighbourhood() {
        assertThrows(IllegalArgumentException.class,
                () -> new Game(Rule.parse("B36/S23"), Neighbourhood.VON_NEUMANN, Boundary.DEAD));
        assertEquals("B3/S23 von-neumann dead", Game.conway(Neighbourhood.VON_NEUMANN).label());
    }

    @Test
    void neighbourhoodsCountTheRightCells() {
        assertEquals(8, Neighbourhood.MOORE.size());
        assertEquals(4, Neighbourhood.VON_NEUMANN.size());
        assertTrue(Neighbourhood.MOORE.contains(1, 1));
        assertFalse(Neighbourhood.VON_NEUMANN.contains(1, 1));
        assertFalse(Neighbourhood.MOORE.contains(0, 0));
        assertEquals(Neighbourhood.VON_NEUMANN, Neighbourhood.parse("von-neumann"));
        assertThrows(IllegalArgumentException.class, () -> Neighbourhood.parse("hex"));
    }

    @Test
    void densitiesAndShapesParse() {
        assertTrue(Density.parse("0.38").isFixed());
        assertEquals(new Density(0.1, 0.9), Density.parse("0.1..0.9"));
        assertThrows(IllegalArgumentException.class, () -> Density.parse("0.9..0.1"));
        assertThrows(IllegalArgumentException.class, () -> Density.parse("1.5"));
        assertThrows(IllegalArgumentException.class, () -> Density.parse("half"));
        assertEquals(new BoardShape(10, 12), BoardShape.parse("10x12"));
        assertEquals(120, BoardShape.parse("10X12").cells());
        assertThrows(IllegalArgumentException.class, () -> BoardShape.parse("10"));
        assertThrows(IllegalArgumentException.class, () -> BoardShape.parse("0x5"));
    }
}
