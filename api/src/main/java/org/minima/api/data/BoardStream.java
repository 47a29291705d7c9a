package org.minima.api.data;

import java.util.Objects;

/**
 * Which boards a draw is for: a purpose and a seed. A {@link Dataset} keeps the purposes apart, so no two purposes
 * ever draw the same boards, whatever their seeds, and no bundle needs to know another's batch numbers: training
 * batch k of a model never reappears as an evaluation set, a probe's boards or an analysis's.
 *
 * @param purpose what the boards are for
 * @param seed    the stream's seed within its purpose (a model's seed, {@code data.test-seed}, a probe's option)
 */
public record BoardStream(Purpose purpose, long seed) {

    /** The largest batch index a stream holds: 2^40 − 1 batches per purpose and seed. */
    public static final long MAX_BATCH = (1L << 40) - 1;

    /** What boards are drawn for. */
    public enum Purpose {
        /** A model's training batches: batch k is the boards of update k. */
        TRAINING,
        /** The launcher's evaluation sets, shared by every model of a game, density and step count. */
        EVALUATION,
        /** Fixed boards a landscape probe scores models on. */
        PROBE,
        /** Boards an analysis measures, independent of any model. */
        ANALYSIS
    }

    public BoardStream {
        Objects.requireNonNull(purpose, "purpose");
    }

    /** The training boards of the model with this seed. */
    public static BoardStream training(long seed) {
        return new BoardStream(Purpose.TRAINING, seed);
    }

    /** Evaluation sets drawn with this seed. */
    public static BoardStream evaluation(long seed) {
        return new BoardStream(Purpose.EVALUATION, seed);
    }

    /** A probe's boards drawn with this seed. */
    public static BoardStream probe(long seed) {
        return new BoardStream(Purpose.PROBE, seed);
    }

    /** An analysis's boards drawn with this seed. */
    public static BoardStream analysis(long seed) {
        return new BoardStream(Purpose.ANALYSIS, seed);
    }

    /**
     * Checks a batch index.
     *
     * @throws IllegalArgumentException when {@code batch} is outside 0..{@link #MAX_BATCH}
     */
    public static long requireBatch(long batch) {
        if (batch < 0 || batch > MAX_BATCH) {
            throw new IllegalArgumentException("batch " + batch + " is outside 0.." + MAX_BATCH);
        }
        return batch;
    }

    @Override
    public String toString() {
        return purpose.name().toLowerCase(java.util.Locale.ROOT) + " seed " + seed;
    }
}
