package org.minima.gol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.minima.gol.Packed.after;
import static org.minima.gol.Packed.text;

import org.junit.jupiter.api.Test;
import org.minima.api.data.Boundary;
import org.minima.api.data.Game;
import org.minima.api.data.Neighbourhood;
import org.minima.api.data.Rule;

/** Conway's B3/S23 with the Moore neighbourhood on patterns whose fate is well known. */
class MoorePatternTest {

    private static final Game DEAD = new Game(Rule.CONWAY, Neighbourhood.MOORE, Boundary.DEAD);
    private static final Game TORUS = new Game(Rule.CONWAY, Neighbourhood.MOORE, Boundary.TOROIDAL);

    @Test
    void blockIsStill() {
        String[] block = {"....", ".##.", ".##.", "...."};
        for (int steps = 1; steps <= 5; steps++) {
            assertEquals(text(block), after(DEAD, steps, block));
            assertEquals(text(block), after(TORUS, steps, block));
        }
    }

    @Test
    void beehiveIsStill() {
        String[] beehive = {"......", "..##..", ".#..#.", "..##..", "......"};
        for (int steps = 1; steps <= 5; steps++) {
            assertEquals(text(beehive), after(DEAD, steps, beehive));
        }
    }

    @Test
    void blinkerHasPeriodTwo() {
        String[] vertical = {".....", "..#..", "..#..", "..#..", "....."};
        String horizontal = text(".....", ".....", ".###.", ".....", ".....");
        assertEquals(horizontal, after(DEAD, 1, vertical));
        assertEquals(text(vertical), after(DEAD, 2, vertical));
        assertEquals(horizontal, after(DEAD, 7, vertical));
    }

    @Test
    void gliderMovesOneDiagonalCellEveryFourStepsOnATorus() {
        String[] glider = {".#....", "..#...", "###...", "......", "......", "......"};
        assertEquals(text("......", "..#...", "...#..", ".###..", "......", "......"), after(TORUS, 4, glider));
        // Wrapping across both edges: shifted by (4, 4), then back home after 6 periods on a 6x6 torus.
        assertEquals(text("#...##", "......", "......", "......", ".....#", "#....."), after(TORUS, 16, glider));
        assertEquals(text(glider), after(TORUS, 24, glider));
    }

    @Test
    void gliderDiesAgainstADeadEdgeButNotOnATorus() {
        String[] glider = {".#....", "..#...", "###...", "......", "......", "......"};
        assertNotEquals(after(TORUS, 24, glider), after(DEAD, 24, glider));
        // On a dead edge the glider becomes a block in the far corner.
        assertEquals(text("......", "......", "......", "......", "....##", "....##"), after(DEAD, 24, glider));
    }

    @Test
    void blinkerOnTheEdgeWrapsOnlyOnATorus() {
        String[] edge = {".###.", ".....", ".....", ".....", "....."};
        // Dead edge: the centre keeps 2 neighbours, (1,2) is born with 3, and (-1,2) does not exist.
        assertEquals(text("..#..", "..#..", ".....", ".....", "....."), after(DEAD, 1, edge));
        // Torus: row -1 is row 4, so the cell above is born there too.
        assertEquals(text("..#..", "..#..", ".....", ".....", "..#.."), after(TORUS, 1, edge));
    }
}
