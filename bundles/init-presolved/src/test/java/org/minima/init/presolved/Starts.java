package org.minima.init.presolved;

import java.util.Map;
import java.util.Optional;

import org.minima.api.Settings;
import org.minima.api.data.Game;
import org.minima.api.data.Neighbourhood;
import org.minima.api.init.InitRequest;
import org.minima.api.init.Initializer;
import org.minima.api.model.Activation;
import org.minima.api.model.ExactPoint;
import org.minima.api.model.Model;
import org.minima.api.model.ModelSpec;
import org.minima.api.model.ParameterLayout;
import org.minima.api.model.Solutions;
import org.minima.arch.FirnerModel;
import org.minima.exact.ExactSolutions;

/** Requests as the launcher makes them, for Firner's networks of Moore games, with the real exact solutions. */
final class Starts {

    static final Model FIRNER = new FirnerModel();
    static final Solutions EXACT = new ExactSolutions();
    static final Game GAME = Game.conway(Neighbourhood.MOORE);

    private Starts() {
    }

    static ModelSpec spec(int steps, int width) {
        return new ModelSpec(steps, width, 1, Activation.RELU);
    }

    static InitRequest request(Initializer initializer, ModelSpec spec, long seed, Map<String, String> options) {
        return new InitRequest(spec, FIRNER.layout(spec), seed, GAME, Optional.of(EXACT),
                Settings.of(initializer.options(), options));
    }

    /** The exact point {@code spec}'s models start from by default (R, or F at m = 1). */
    static ExactPoint exact(ModelSpec spec) {
        ParameterLayout layout = FIRNER.layout(spec);
        return ExactPoint.of(EXACT, ExactPoint.AUTO, 0, GAME, spec, layout);
    }
}
