package org.minima.pairs;

import org.apache.commons.math3.distribution.BinomialDistribution;

/**
 * The successes of the same seeds under a reference and another value of one axis, as a 2×2 table of pairs.
 *
 * @param both          pairs that succeed under both
 * @param referenceOnly pairs that succeed under the reference only
 * @param otherOnly     pairs that succeed under the other value only
 * @param neither       pairs that succeed under neither
 */
record PairedCounts(int both, int referenceOnly, int otherOnly, int neither) {

    /** The 97.5% standard normal quantile, for 95% intervals. */
    private static final double Z = 1.959963984540054;

    int pairs() {
        return both + referenceOnly + otherOnly + neither;
    }

    /** The other value's success rate minus the reference's, over the pairs. */
    double difference() {
        return (double) (otherOnly - referenceOnly) / pairs();
    }

    /**
     * The 95% interval of {@link #difference} by Agresti and Min's adjusted Wald for paired proportions (2005): half a
     * pair added to each cell, then the Wald interval, clipped to [−1, 1]. It keeps a width where the plain Wald
     * interval collapses to a point (no discordant pair).
     *
     * @return {low, high}
     */
    double[] differenceInterval() {
        double n = pairs() + 2.0;
        double up = (otherOnly + 0.5) / n;
        double down = (referenceOnly + 0.5) / n;
        double centre = up - down;
        double half = Z * Math.sqrt((up + down - centre * centre) / n);
        return new double[] {Math.max(-1, centre - half), Math.min(1, centre + half)};
    }

    /**
     * The two-sided p-value of McNemar's exact test: under no effect each discordant pair goes either way with
     * probability 1/2, so the smaller of the two discordant counts is binomial; 1 when no pair is discordant.
     */
    double mcnemarP() {
        int discordant = referenceOnly + otherOnly;
        if (discordant == 0) {
            return 1;
        }
        BinomialDistribution binomial = new BinomialDistribution(null, discordant, 0.5);
        return Math.min(1, 2 * binomial.cumulativeProbability(Math.min(referenceOnly, otherOnly)));
    }
}
