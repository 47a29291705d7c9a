package org.minima.walk;

import java.util.ArrayList;
import java.util.List;

import org.minima.api.Settings;
import org.minima.api.data.DataSpec;
import org.minima.api.data.Game;
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

    /** Option value: R where it fits (it stays exact under noise and at any depth), else F. */
    static final String AUTO = "auto";
    private static final List<String> AUTO_ORDER = List.of("R", "F");

    /**
     * The construction {@code settings} name ({@value #AUTO}: the first of R, F that fits) for {@code steps} steps
     * of {@code game} in {@code layout}.
     *
     * @throws IllegalArgumentException with every construction tried and why it does not fit
     */
    static Endpoint construct(Settings settings, Solutions solutions, Game game, ParameterLayout layout, int steps) {
        String wanted = settings.getString(WalkProbe.CONSTRUCTION);
        List<String> candidates = wanted.equals(AUTO) ? AUTO_ORDER : List.of(wanted);
        List<String> reasons = new ArrayList<>();
        for (String construction : candidates) {
            double margin = settings.getDouble(WalkProbe.MARGIN) > 0 ? settings.getDouble(WalkProbe.MARGIN)
                    : solutions.defaultMargin(construction);
            try {
                return new Endpoint(solutions.construct(construction, game, layout, steps, margin), construction,
                        margin, 0);
            } catch (IllegalArgumentException e) {
                reasons.add(candidates.size() == 1 ? e.getMessage() : construction + ": " + e.getMessage());
            }
        }
        throw new IllegalArgumentException(String.join("; ", reasons));
    }

    /** This end point trained {@code batches} more batches of the training stream {@code seed} on {@code data}. */
    Endpoint polished(RunContext context, ModelSpec spec, DataSpec data, int batches, long seed) {
        if (batches == 0) {
            return this;
        }
        return new Endpoint(context.train(spec, data, parameters, batches, seed), construction, margin, batches);
    }
}
