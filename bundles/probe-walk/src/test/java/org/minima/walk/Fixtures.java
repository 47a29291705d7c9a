package org.minima.walk;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

import org.minima.api.Plugin;
import org.minima.api.Settings;
import org.minima.api.data.BoardShape;
import org.minima.api.data.DataSpec;
import org.minima.api.data.Density;
import org.minima.api.data.Game;
import org.minima.api.data.Neighbourhood;
import org.minima.api.model.Activation;
import org.minima.api.model.Model;
import org.minima.api.model.ModelSpec;
import org.minima.api.model.Solutions;
import org.minima.api.train.TrainedModel;
import org.minima.arch.FirnerModel;
import org.minima.exact.ExactSolutions;
import org.minima.gol.GolDataset;
import org.minima.testkit.RandomParameters;
import org.minima.testkit.TestRunContext;

/** The real services a run binds, and small models of Firner's protocol to walk from. */
final class Fixtures {

    static final GolDataset DATA = new GolDataset();
    static final Model FIRNER = new FirnerModel();
    static final Solutions EXACT = new ExactSolutions();

    private Fixtures() {
    }

    /** One-step von Neumann boards of 6×6 at p = 0.5: a small Firner training size. */
    static DataSpec data(int steps) {
        return new DataSpec(Game.conway(Neighbourhood.VON_NEUMANN), new BoardShape(6, 6), Density.fixed(0.5), steps);
    }

    /**
     * A model of {@code architecture} as a run hands it to a probe. Its parameters are random: the walk treats any
     * parameters as "trained", and these are far from the exact solution.
     */
    static TrainedModel model(Model architecture, String name, int steps, int width) {
        ModelSpec spec = new ModelSpec(steps, width, 1, Activation.RELU);
        long seed = 3;
        return new TrainedModel("von-neumann-dead-p0.5-n" + steps + "-m" + width + "-pytorch-default-s" + seed, name,
                "pytorch-default", spec, data(steps), seed,
                RandomParameters.gaussian(architecture.layout(spec), 0.3, seed));
    }

    static TrainedModel firner(int width) {
        return model(FIRNER, "firner", 1, width);
    }

    /** What the launcher hands the straight walk: its options (defaults with {@code options} on top) and services. */
    static TestRunContext.Builder context(Path folder, Model architecture, Optional<Solutions> solutions,
                                          Map<String, String> options) {
        return context(folder, new StraightWalk(), architecture, solutions, options);
    }

    /** What the launcher hands {@code probe}: its options (defaults with {@code options} on top) and services. */
    static TestRunContext.Builder context(Path folder, Plugin probe, Model architecture,
                                          Optional<Solutions> solutions, Map<String, String> options) {
        TestRunContext.Builder context = TestRunContext.in(folder).settings(Settings.of(probe.options(), options))
                .dataset(DATA).model(architecture);
        solutions.ifPresent(context::solutions);
        return context;
    }
}
