package org.minima.walk;

import org.minima.api.Settings;
import org.minima.api.data.DataSpec;
import org.minima.api.data.Game;
import org.minima.api.model.ExactPoint;
import org.minima.api.model.ModelSpec;
import org.minima.api.model.ParameterLayout;
import org.minima.api.model.ParameterVector;
import org.minima.api.model.Solutions;
import org.minima.api.run.RunContext;

/**
 * The exact solution a walk ends at: a construction of the run's {@link Solutions} written into the model's layout
 * at a head margin, and optionally trained further (Firner's "presolved" model is construction F trained 1000 more
 * batches).
 *
 * @param parameters   the end point
 * @param construction the construction it started from
 * @param margin       the head logit margin it was built at
 * @param polish       batches it was trained further (0: the raw construction)
 */
record Endpoint(ParameterVector parameters, String construction, double margin, int polish) {

    /**
     * The construction {@code settings} name ({@link ExactPoint#AUTO}: the first of R, F that fits) for the network
     * {@code spec} of {@code game}, laid out as {@code layout}.
     *
     * @throws IllegalArgumentException with every construction tried and why it does not fit
     */
    static Endpoint construct(Settings settings, Solutions solutions, Game game, ModelSpec spec,
                              ParameterLayout layout) {
        ExactPoint exact = ExactPoint.of(solutions, settings.getString(WalkProbe.CONSTRUCTION),
                settings.getDouble(WalkProbe.MARGIN), game, spec, layout);
        return new Endpoint(exact.parameters(), exact.construction(), exact.margin(), 0);
    }

    /** This end point trained {@code batches} more batches of the training stream {@code seed} on {@code data}. */
    Endpoint polished(RunContext context, ModelSpec spec, DataSpec data, int batches, long seed) {
        if (batches == 0) {
            return this;
        }
        return new Endpoint(context.train(spec, data, parameters, batches, seed), construction, margin, batches);
    }
}
