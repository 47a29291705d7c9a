package org.minima.walk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class WalkTest {

    /** A walk of evenly spaced points with these losses; the distances do not enter the barrier. */
    private static Walk walk(double... losses) {
        List<Walk.Point> points = new ArrayList<>();
        for (int k = 0; k < losses.length; k++) {
            double alpha = (double) k / (losses.length - 1);
            points.add(new Walk.Point(alpha, 10 * (1 - alpha), losses[k], losses[k], 0));
        }
        return new Walk(points);
    }

    @Test
    void barrierIsTheHighestLossAboveTheMeanOfTheEnds() {
        // ends 0.5 and 0.1 (mean 0.3), highest 0.9 in the middle
        assertEquals(0.6, walk(0.5, 0.9, 0.7, 0.1).barrier(), 1e-15);
        // the highest point may be an end: a path falling all the way has half the end difference
        assertEquals(0.2, walk(0.5, 0.3, 0.1).barrier(), 1e-15);
        assertEquals(0.0, walk(0.2, 0.2, 0.2).barrier(), 0);
        assertEquals(1.0, walk(1, 3).barrier(), 0);
    }

    @Test
    void barrierIsNaNWhenAnyLossIs() {
        assertTrue(Double.isNaN(walk(0.5, Double.NaN, 0.1).barrier()));
        assertTrue(Double.isNaN(walk(Double.NaN, 0.4, 0.1).barrier()));
    }

    @Test
    void aWalkHasBothEnds() {
        assertThrows(IllegalArgumentException.class, () -> walk(0.5));
    }
}
