package org.minima.gol;

/**
 * SplitMix64: a small, fast generator whose state is one long, so a batch's stream can be derived from its
 * coordinates alone. Not thread-safe; each sample owns one.
 */
final class SplitMix {

    private static final long GAMMA = 0x9E3779B97F4A7C15L;

    private long state;

    private SplitMix(long state) {
        this.state = state;
    }

    /**
     * The stream of batch {@code batch} of seed {@code seed}. Mixing the seed before adding the batch offset, and
     * mixing again after, puts neighbouring batches at unrelated points of the 2^64 cycle, so their streams do not
     * overlap in practice.
     */
    static SplitMix forBatch(long seed, long batch) {
        return new SplitMix(mix(mix(seed) + (batch + 1) * GAMMA));
    }

    /** Stafford's variant 13 finaliser: a bijection that spreads every input bit over the whole output. */
    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    long nextLong() {
        state += GAMMA;
        return mix(state);
    }

    /** Uniform in [0, 1) on the 2^-53 grid. */
    double nextDouble() {
        return (nextLong() >>> 11) * 0x1.0p-53;
    }
}
