package org.minima.launcher.config;

import static org.minima.api.OptionSpec.choice;
import static org.minima.api.OptionSpec.number;
import static org.minima.api.OptionSpec.text;

import java.util.List;
import java.util.Set;

import org.minima.api.OptionSpec;
import org.minima.api.OptionType;
import org.minima.api.Role;
import org.minima.launcher.framework.Blas;

/**
 * The keys every profile may set, whatever bundles it binds: the roles, the study's axes and the protocol.
 * docs/configuration.md documents each; {@code ConfigurationDocTest} keeps the two in step.
 */
public final class CoreOptions {

    /** The initializer every model starts from unless the profile says otherwise. */
    public static final String DEFAULT_INIT = "pytorch-default";

    /** Names a plugin may not take, because its options would collide with core keys. */
    static final Set<String> RESERVED = reserved();

    public static final List<OptionSpec> ALL = List.of(
            text(Role.DATASET.key(), "gol", "Dataset service that draws the boards (service name)."),
            text(Role.MODEL.key(), "", "Model service (architecture) to train; empty: the run trains nothing."),
            text(Role.SOLUTIONS.key(), "",
                    "Solutions service (exact solutions) that initializers, probes and analyses can use; empty: none."),
            new OptionSpec(Role.INITIALIZER.key(), OptionType.STRING_LIST, DEFAULT_INIT,
                    "Initializer services that start the models (an axis): every point of the grid is trained from "
                            + "each.", List.of(), null, null),
            text(Role.TRAINER.key(), "", "Trainer service; empty: the run trains nothing."),
            text(Role.EVALUATOR.key(), "", "Evaluator service that scores trained models; empty: none."),
            list(Role.ANALYSIS.key(), "Analysis services to run, in order (they write tables)."),
            list(Role.PROBE.key(), "LandscapeProbe services to run on every trained model, in order."),
            list(Role.PLOT.key(), "Plot services to draw, in order (they read tables)."),

            text("data.rule", "B3/S23", "Birth/survival rule in B/S notation, for example B3/S23 or B36/S23."),
            new OptionSpec("data.neighbourhood", OptionType.STRING_LIST, "moore",
                    "Neighbourhoods to study (an axis): moore (8 cells) and/or von-neumann (4 orthogonal cells).",
                    List.of("moore", "von-neumann"), null, null),
            new OptionSpec("data.boundary", OptionType.STRING_LIST, "dead",
                    "Boundaries to study (an axis): dead (cells outside are dead) and/or toroidal (wrap-around).",
                    List.of("dead", "toroidal"), null, null),
            new OptionSpec("data.density", OptionType.STRING_LIST, "0.5",
                    "Initial live-cell densities (an axis): each a fixed p or a range a..b drawn per board.",
                    List.of(), null, null),
            text("data.train-size", "10x10", "Training board size HEIGHTxWIDTH."),
            text("data.test-size", "5x5", "Test board size HEIGHTxWIDTH."),
            number("data.test-boards", OptionType.INT, "1000", 1.0, 10_000_000.0,
                    "Boards in each evaluation set."),
            number("data.test-seed", OptionType.LONG, "0", 0.0, null, "Seed of the evaluation sets."),
            number("steps", OptionType.INT_LIST, "1", 1.0, 1000.0, "Game of Life step counts n (an axis)."),

            number("model.width", OptionType.INT_LIST, "1", 1.0, 1024.0,
                    "Width factors m (an axis); m = 1 is the minimal network."),
            number("model.depth", OptionType.DOUBLE, "1", 1.0, 16.0,
                    "Depth factor d: a network has floor(n*d) step blocks."),
            choice("model.activation", "relu", List.of("relu", "leaky-relu"),
                    "Hidden activation; leaky-relu has slope 0.01."),
            number("model.input-shift", OptionType.DOUBLE, "0", -1.0, 1.0,
                    "Added to every input cell before the first convolution, in training, evaluation and probes"
                            + " (-0.5: cells of -0.5 and 0.5, as Firner's BetterNet.forward would; his runs never"
                            + " executed it). No exact construction reads a shifted input."),

            choice("train.optimizer", "adam", List.of("adam", "sgd"), "Update rule."),
            number("train.learning-rate", OptionType.DOUBLE, "0.001", null, null, "Learning rate, > 0."),
            number("train.beta1", OptionType.DOUBLE, "0.9", 0.0, 0.999999, "Adam's first-moment decay."),
            number("train.beta2", OptionType.DOUBLE, "0.999", 0.0, 0.999999999, "Adam's second-moment decay."),
            number("train.epsilon", OptionType.DOUBLE, "1e-8", 1e-300, 1.0, "Adam's epsilon."),
            number("train.batches", OptionType.INT, "10000", 1.0, null, "Updates per model, each on fresh boards."),
            number("train.batch-size", OptionType.INT, "128", 1.0, 1_048_576.0, "Boards per batch."),
            number("train.curve-every", OptionType.INT, "100", 1.0, null,
                    "The training curve records the loss of every this-many-th batch, and of the last."),
            number("train.seeds", OptionType.INT_LIST, "1", 0.0, null,
                    "Model seeds (an axis): initial parameters and training boards derive from each."),

            number("run.threads", OptionType.INT, "0", 0.0, 256.0,
                    "Models trained at once, one per thread; 0 means one per available core."),
            number("run.progress-seconds", OptionType.DOUBLE, "5", 0.1, 3600.0,
                    "Seconds between progress lines."),
            choice(Blas.KEY, "auto", Blas.CHOICES, "The BLAS underneath ND4J: mkl (Intel MKL), openblas, or auto "
                    + "(MKL where it loads, else OpenBLAS); the two round differently, so a resume keeps it."));

    private CoreOptions() {
    }

    private static Set<String> reserved() {
        Set<String> names = new java.util.TreeSet<>(Set.of("data", "train", "run", "steps"));
        for (Role role : Role.values()) {
            names.add(role.key());
        }
        return Set.copyOf(names);
    }

    private static OptionSpec list(String key, String description) {
        return new OptionSpec(key, OptionType.STRING_LIST, "", description, List.of(), null, null);
    }
}
