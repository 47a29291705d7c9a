package org.minima.api.init;

import org.minima.api.Plugin;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * How a model's parameters start, and which of its step blocks training leaves alone: PyTorch's default draw, chosen
 * blocks set to an exact solution, an exact solution with noise. A profile binds {@code init = NAME} (a list makes
 * it an axis of the grid); the launcher calls {@link #initialise} once per model, before training, and records the
 * initializer and its options with the model. Stateless and thread-safe.
 */
@ConsumerType
public interface Initializer extends Plugin {

    /**
     * The initial parameters of one model and the blocks to freeze: a pure function of the request, so the same
     * model starts the same way in every run.
     *
     * @throws IllegalArgumentException naming the reason, when the request cannot be met (its {@link #check} should
     *                                  have refused the profile already)
     */
    Initialization initialise(InitRequest request);
}
