package org.minima.api.data;

import org.minima.api.Plugin;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * A source of Game of Life boards. Implementations are stateless and thread-safe.
 *
 * <p>Determinism is the contract: {@link #sample} is a pure function of its arguments, so batch {@code k} of a stream
 * is the same board set whichever thread asks, in whatever order, in whichever run. Streams of different purposes
 * never share boards; different seeds and batches hold independent boards.
 */
@ConsumerType
public interface Dataset extends Plugin {

    /**
     * Checks that this dataset can produce {@code spec}.
     *
     * @throws IllegalArgumentException naming the unsupported part, when it cannot
     */
    void check(DataSpec spec);

    /**
     * Draws {@code count} boards per {@code spec} and runs them {@code spec.steps()} steps.
     *
     * @param spec   what to draw
     * @param stream the purpose and seed of the draw
     * @param batch  index of the batch within the stream, 0..{@link BoardStream#MAX_BATCH}
     * @param count  number of boards, at least 1
     */
    Boards sample(DataSpec spec, BoardStream stream, long batch, int count);
}
