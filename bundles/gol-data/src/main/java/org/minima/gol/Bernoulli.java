package org.minima.gol;

/**
 * Draws 64 independent cells at once, each alive with probability p, exactly (up to 2^-63).
 *
 * <p>Each cell compares a uniform U = 0.u1u2... with p = 0.p1p2... most significant bit first, one random word per
 * bit position for all 64 cells; a cell is decided at the first bit where U and p differ (alive when p has the 1).
 * About half of the undecided cells settle per word, so a generic p costs some 7 random words per 64 cells, and
 * p = 0.5 costs one.
 */
final class Bernoulli {

    private final long fraction;
    private final boolean certain;

    Bernoulli(double p) {
        certain = p >= 1;
        // p in binary, left-aligned: bit 63 is the 1/2 place. Scaling by a power of two is exact.
        fraction = certain ? 0 : (long) Math.scalb(p, 63) << 1;
    }

    long draw(SplitMix rng) {
        if (certain) {
            return -1L;
        }
        long alive = 0;
        long undecided = -1L;
        for (long rest = fraction; rest != 0 && undecided != 0; rest <<= 1) {
            long u = rng.nextLong();
            if (rest < 0) {
                alive |= undecided & ~u;
                undecided &= u;
            } else {
                undecided &= ~u;
            }
        }
        // Cells still undecided when p's remaining bits are all zero have U >= p: dead.
        return alive;
    }
}
