package org.minima.eval;

import org.apache.commons.math3.stat.interval.ConfidenceInterval;
import org.apache.commons.math3.stat.interval.WilsonScoreInterval;

/**
 * The Wilson score interval for a binomial proportion (Wilson 1927): the set of true proportions that a score test
 * at the given z does not reject. Unlike the Wald interval it stays inside [0, 1] and does not collapse to a point
 * at 0 or n successes, which is where success rates over 20 seeds usually lie.
 *
 * @param low  lower bound, 0 when there are no successes
 * @param high upper bound, 1 when every trial succeeds
 */
record Wilson(double low, double high) {

    /** The confidence of the intervals Minima reports. */
    static final double CONFIDENCE_95 = 0.95;

    /**
     * Commons Math's {@link WilsonScoreInterval}, with the bounds at k = 0 and k = n set to exactly 0 and 1 (the
     * theory's values; rounding would leave ±1e-17).
     *
     * @param successes  k, in 0..trials
     * @param trials     n, at least 1
     * @param confidence the interval's confidence level, for example {@link #CONFIDENCE_95}
     */
    static Wilson interval(int successes, int trials, double confidence) {
        if (trials < 1 || successes < 0 || successes > trials) {
            throw new IllegalArgumentException("no Wilson interval for " + successes + " successes in " + trials
                    + " trials");
        }
        ConfidenceInterval interval = new WilsonScoreInterval().createInterval(trials, successes, confidence);
        double low = successes == 0 ? 0 : Math.max(0, interval.getLowerBound());
        double high = successes == trials ? 1 : Math.min(1, interval.getUpperBound());
        return new Wilson(low, high);
    }
}
