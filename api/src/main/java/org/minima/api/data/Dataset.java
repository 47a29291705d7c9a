package org.minima.api.data;

import org.minima.api.Plugin;
import org.osgi.annotation.versioning.ProviderType;

/**
 * A source of Game of Life boards. Implementations are stateless and thread-safe.
 *
 * <p>Determinism is the contract: {@link #sample} is a pure function of its arguments, so batch {@code k} of seed
 * {@code s} is the same board set whichever thread asks, in whatever order, in whichever run.
 */
@ProviderType
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
     * @param spec  what to draw
     * @param seed  the stream's seed (a model's data seed, or an evaluation set's seed)
     * @param batch index of the batch within the stream, from 0; different batches hold independent boards
     * @param count number of boards, at least 1
     */
    Boards sample(DataSpec spec, long seed, long batch, int count);
}
