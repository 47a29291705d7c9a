package org.minima.diagnosis;

import org.apache.commons.math3.special.Beta;
import org.minima.api.data.Density;

/**
 * The probability of one particular pattern of {@code cells} cells with {@code live} of them alive, when each cell
 * is alive independently with the board's density p: p^live·(1 − p)^(cells − live) for a fixed p, and its mean over
 * p uniform in [min, max] for a range (each board draws its own p), which is
 * B(live + 1, cells − live + 1)·(I_max − I_min)/(max − min) with I the regularised incomplete beta function.
 */
final class PatternWeights {

    private PatternWeights() {
    }

    static double of(Density density, int live, int cells) {
        if (density.isFixed()) {
            double p = density.min();
            return Math.pow(p, live) * Math.pow(1 - p, cells - live);
        }
        double a = live + 1;
        double b = cells - live + 1;
        double mass = Beta.regularizedBeta(density.max(), a, b) - Beta.regularizedBeta(density.min(), a, b);
        return Math.exp(Beta.logBeta(a, b)) * mass / (density.max() - density.min());
    }
}
