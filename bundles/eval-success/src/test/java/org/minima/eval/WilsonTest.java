package org.minima.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/**
 * The Wilson interval against the roots of its defining quadratic, against its closed forms at 0 and n successes,
 * and against published values.
 */
class WilsonTest {

    private static final double Z = 1.959963984540054;
    private static final double C = Wilson.CONFIDENCE_95;

    @Test
    void noSuccessesGiveZeroToTheClosedFormUpperBound() {
        Wilson interval = Wilson.interval(0, 20, C);
        assertEquals(0.0, interval.low());
        assertEquals(Z * Z / (20 + Z * Z), interval.high(), 1e-14);
    }

    @Test
    void allSuccessesGiveTheClosedFormLowerBoundToOne() {
        Wilson interval = Wilson.interval(20, 20, C);
        assertEquals(20 / (20 + Z * Z), interval.low(), 1e-14);
        assertEquals(1.0, interval.high());
    }

    @Test
    void boundsAreTheRootsOfTheScoreTestQuadratic() {
        for (int k = 1; k < 20; k++) {
            double[] roots = scoreTestRoots(k, 20);
            Wilson interval = Wilson.interval(k, 20, C);
            assertEquals(roots[0], interval.low(), 1e-12, "low at k = " + k);
            assertEquals(roots[1], interval.high(), 1e-12, "high at k = " + k);
        }
        // 7 of 20: (0.1539, 0.5922) is the Clopper-Pearson interval, not Wilson's
        Wilson seven = Wilson.interval(7, 20, C);
        assertEquals(0.18119, seven.low(), 5e-6);
        assertEquals(0.56715, seven.high(), 5e-6);
    }

    /** Newcombe (1998), Statistics in Medicine 17:857-872, Table II, method 3 (score interval without correction). */
    @Test
    void matchesNewcombesPublishedExamples() {
        assertInterval(81, 263, 0.2553, 0.3662);
        assertInterval(15, 148, 0.0624, 0.1605);
        assertInterval(0, 20, 0.0000, 0.1611);
        assertInterval(1, 29, 0.0061, 0.1718);
    }

    @Test
    void impossibleCountsAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> Wilson.interval(21, 20, C));
        assertThrows(IllegalArgumentException.class, () -> Wilson.interval(-1, 20, C));
        assertThrows(IllegalArgumentException.class, () -> Wilson.interval(0, 0, C));
    }

    private static void assertInterval(int k, int n, double low, double high) {
        Wilson interval = Wilson.interval(k, n, C);
        assertEquals(low, interval.low(), 5e-5, k + "/" + n + " low");
        assertEquals(high, interval.high(), 5e-5, k + "/" + n + " high");
    }

    /**
     * The score test accepts p when (k/n − p)² ≤ z² p(1 − p)/n, that is when
     * (n + z²) p² − (2k + z²) p + k²/n ≤ 0; the interval's ends are the two roots.
     */
    private static double[] scoreTestRoots(int k, int n) {
        double a = n + Z * Z;
        double b = -(2.0 * k + Z * Z);
        double c = (double) k * k / n;
        double root = Math.sqrt(b * b - 4 * a * c);
        return new double[] {(-b - root) / (2 * a), (-b + root) / (2 * a)};
    }
}
