package org.minima.init.presolved;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.minima.api.InvalidOption;
import org.minima.api.OptionSpec;
import org.minima.api.OptionType;
import org.minima.api.Role;
import org.minima.api.Settings;
import org.minima.api.data.Game;
import org.minima.api.init.InitRequest;
import org.minima.api.init.Initializer;
import org.minima.api.model.ExactPoint;
import org.minima.api.model.Model;
import org.minima.api.model.ModelSpec;
import org.minima.api.model.ParameterLayout;
import org.minima.api.model.Solutions;
import org.minima.api.run.Experiment;
import org.minima.api.run.Study;

/**
 * What the initializers that start from an exact solution share: options {@code construction} ({@code auto}: R where
 * it fits, else F) and {@code margin}, the need for a {@link Solutions} service, a check before any training that
 * the construction fits every point of the grid, and the exact point of one request.
 */
abstract class ExactStart implements Initializer {

    static final String CONSTRUCTION = "construction";
    static final String MARGIN = "margin";

    @Override
    public List<OptionSpec> options() {
        List<OptionSpec> options = new ArrayList<>(List.of(
                OptionSpec.choice(CONSTRUCTION, ExactPoint.AUTO, List.of(ExactPoint.AUTO, "F", "S", "S8", "R"),
                        "Exact solution to start from (REFERENCE.md section 4), from the 'solutions' service; "
                                + "auto: R where it fits (m >= 2), else F."),
                OptionSpec.number(MARGIN, OptionType.DOUBLE, "0", 0.0, 1000.0,
                        "Head logit margin of the exact solution; 0: the construction's default margin.")));
        options.addAll(ownOptions());
        return List.copyOf(options);
    }

    /** Options besides the shared ones. */
    abstract List<OptionSpec> ownOptions();

    @Override
    public Set<Role> requires() {
        return Set.of(Role.SOLUTIONS);
    }

    /**
     * The construction must fit every (game, n, m) of the grid; then {@link #check(Settings, ParameterLayout,
     * ExactPoint)}.
     */
    @Override
    public void check(Study study) {
        Settings settings = study.settings();
        Experiment experiment = study.experiment();
        Model model = study.model().orElseThrow(() -> new IllegalArgumentException(
                "an exact start needs the architecture: set key 'model'"));
        Solutions solutions = study.solutions().orElseThrow();
        for (Game game : experiment.games()) {
            for (ModelSpec spec : experiment.modelSpecs(game)) {
                ParameterLayout layout = model.layout(spec);
                ExactPoint exact;
                try {
                    exact = ExactPoint.of(solutions, settings.getString(CONSTRUCTION), settings.getDouble(MARGIN), game,
                            spec, layout);
                } catch (IllegalArgumentException e) {
                    throw new InvalidOption(CONSTRUCTION, "construction " + settings.getString(CONSTRUCTION)
                            + " does not fit the models of the grid at n = " + spec.steps() + ", m = " + spec.width()
                            + ", " + game.label() + ": " + e.getMessage());
                }
                check(settings, layout, exact);
            }
        }
    }

    /**
     * Checks this initializer's own options against one model of the grid, its layout and its exact point; nothing
     * by default.
     *
     * @throws InvalidOption naming the option
     */
    void check(Settings settings, ParameterLayout layout, ExactPoint exact) {
    }

    /** The exact solution {@code request} starts from. */
    static ExactPoint exact(InitRequest request) {
        Solutions solutions = request.solutions().orElseThrow(() -> new IllegalArgumentException(
                "an exact start needs exact solutions: set key 'solutions', for example solutions = exact"));
        Settings options = request.options();
        return ExactPoint.of(solutions, options.getString(CONSTRUCTION), options.getDouble(MARGIN), request.game(),
                request.spec(), request.layout());
    }
}
