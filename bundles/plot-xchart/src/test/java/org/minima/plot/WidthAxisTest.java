package org.minima.plot;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class WidthAxisTest {

    @Test
    void widthsSpanningMoreThanAFactorEightGetALog2Axis() {
        assertFalse(WidthAxis.fit(new double[] {1, 2, 4, 8}).log2());
        assertFalse(WidthAxis.fit(new double[] {3}).log2());
        assertTrue(WidthAxis.fit(new double[] {1, 2, 4, 8, 16}).log2());
        assertTrue(WidthAxis.fit(new double[] {2, 32}).log2());
    }

    @Test
    void log2PositionsAreLabelledWithTheWidthItself() {
        WidthAxis axis = new WidthAxis(true);
        assertArrayEquals(new double[] {0, 1, 5}, axis.positions(new double[] {1, 2, 32}), 1e-12);
        assertEquals("32", axis.tickLabel(5.0));
        assertEquals("1", axis.tickLabel(0.0));
        assertEquals("5.7", axis.tickLabel(2.5));
    }

    @Test
    void linearPositionsAreTheWidths() {
        WidthAxis axis = new WidthAxis(false);
        assertArrayEquals(new double[] {1, 3}, axis.positions(new double[] {1, 3}), 1e-12);
        assertEquals("3", axis.tickLabel(3.0));
        assertEquals("1.5", axis.tickLabel(1.5));
    }
}
