package org.minima.eval;

/**
 * The Wilson score interval for a binomial proportion (Wilson 1927): the set of true proportions that a score test
 * at the given z does not reject. Unlike the Wald interval it stays inside [0, 1] and does not collapse to a point
 * at 0 or n successes, which is where success rates over 20 seeds usually lie.
 *
 * @param low  lower bound, 0 when there are no successes
 * @param high upper bound, 1 when every trial succeeds
 */
record Wilson(double low, double high) {

    /** The standard normal quantile for a two-sided 95% interval, Φ⁻¹(0.975). */
    static final double Z95 = 1.959963984540054;

    /**
     * With p = k/n: centre (p + z²/2n) / (1 + z²/n), half-width z·√(p(1−p)/n + z²/4n²) / (1 + z²/n).
     *
     * @param successes k, in 0..trials
     * @param trials    n, at least 1
     * @param z         the normal quantile, for example {@link #Z95}
     */
    static Wilson interval(int successes, int trials, double z) {
        if (trials < 1 || successes < 0 || successes > trials) {
            throw new IllegalArgumentException("no Wilson interval for " + successes + " successes in " + trials
                    + " trials");
        }
        double n = trials;
        double p = successes / n;
        double z2 = z * z;
        double denominator = 1 + z2 / n;
        double centre = (p + z2 / (2 * n)) / denominator;
        double halfWidth = z * Math.sqrt(p * (1 - p) / n + z2 / (4 * n * n)) / denominator;
        // At k = 0 and k = n the bound is exactly 0 or 1 in theory; rounding would leave ±1e-17 instead.
        double low = successes == 0 ? 0 : Math.max(0, centre - halfWidth);
        double high = successes == trials ? 1 : Math.min(1, centre + halfWidth);
        return new Wilson(low, high);
    }
}
