package org.minima.api.init;

import java.util.Objects;
import java.util.Set;

import org.minima.api.model.ParameterLayout;
import org.minima.api.model.ParameterVector;

/**
 * An {@link Initializer}'s answer: where training starts, and the step blocks it must not change.
 *
 * @param parameters   the initial parameters, laid out by the request's layout
 * @param frozenBlocks step blocks whose parameters stay exactly as given (empty for plain training)
 */
public record Initialization(ParameterVector parameters, Set<Integer> frozenBlocks) {

    public Initialization {
        Objects.requireNonNull(parameters, "parameters");
        frozenBlocks = Set.copyOf(frozenBlocks);
    }

    /** Parameters to train in full, nothing frozen. */
    public static Initialization trainable(ParameterVector parameters) {
        return new Initialization(parameters, Set.of());
    }

    /**
     * Checks that this answer fits {@code layout}.
     *
     * @throws IllegalArgumentException naming the mismatch
     */
    public void requireFits(ParameterLayout layout) {
        if (parameters.size() != layout.size()) {
            throw new IllegalArgumentException(parameters.size() + " initial parameters for a layout of "
                    + layout.size());
        }
        for (int block : frozenBlocks) {
            if (block < 0 || block >= layout.blocks()) {
                throw new IllegalArgumentException("frozen block " + block + " is outside 0.." + (layout.blocks() - 1));
            }
        }
    }
}
