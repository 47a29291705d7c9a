package org.minima.api.init;

import java.util.Objects;
import java.util.Optional;

import org.minima.api.Settings;
import org.minima.api.data.Game;
import org.minima.api.model.ModelSpec;
import org.minima.api.model.ParameterLayout;
import org.minima.api.model.Solutions;

/**
 * What an {@link Initializer} is asked to start.
 *
 * @param spec      the network
 * @param layout    its parameters' structure, from the bound {@link org.minima.api.model.Model}
 * @param seed      the model's seed; every random draw derives from it
 * @param game      the Game of Life variant the model will learn (an exact solution depends on it)
 * @param solutions the exact-solution provider, when the profile binds one
 * @param options   the initializer's own options, resolved
 */
public record InitRequest(ModelSpec spec, ParameterLayout layout, long seed, Game game,
                          Optional<Solutions> solutions, Settings options) {

    public InitRequest {
        Objects.requireNonNull(spec, "spec");
        Objects.requireNonNull(layout, "layout");
        Objects.requireNonNull(game, "game");
        Objects.requireNonNull(solutions, "solutions");
        Objects.requireNonNull(options, "options");
    }
}
