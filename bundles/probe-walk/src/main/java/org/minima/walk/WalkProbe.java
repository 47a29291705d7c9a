package org.minima.walk;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.DoubleFunction;

import org.minima.api.InvalidOption;
import org.minima.api.OptionSpec;
import org.minima.api.OptionType;
import org.minima.api.Role;
import org.minima.api.Settings;
import org.minima.api.Table;
import org.minima.api.data.Dataset;
import org.minima.api.data.Game;
import org.minima.api.model.ExactPoint;
import org.minima.api.model.Model;
import org.minima.api.model.ModelSpec;
import org.minima.api.model.Network;
import org.minima.api.model.ParameterLayout;
import org.minima.api.model.ParameterVector;
import org.minima.api.model.Solutions;
import org.minima.api.probe.LandscapeProbe;
import org.minima.api.run.Experiment;
import org.minima.api.run.RunContext;
import org.minima.api.run.Study;
import org.minima.api.train.TrainedModel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A walk from each trained model to an exact solution, the common part of the {@link StraightWalk} and the
 * {@link AlignedWalk}: the loss at θ(α) = (1 − α)·θ_trained + α·θ_end for α = k/points, k = 0..points, on one fixed
 * set of boards at the model's training {@code DataSpec}, the share of those boards exactly right at θ(α), the L1
 * distance of θ(α) from the end, and the barrier on the path: the highest loss minus the mean of the two ends.
 *
 * <p>The end is the construction named by option {@code construction} ({@code auto}: R where it fits, else F),
 * written into the model's layout by the run's {@link Solutions} service ({@code solutions = exact}) at option
 * {@code margin}, trained {@code polish} batches further when that is above 0 ({@link Endpoint}), and, for the
 * aligned walk, moved along the network's symmetries to the copy nearest the trained model ({@link Alignment}). When
 * the construction does not fit a point of the grid (R at m = 1, F in a multi-block springer-kenyon network), option
 * {@code unfit} decides: {@code fail} (the default) refuses the profile before any training, naming the point, the
 * construction and the reason; {@code skip} gives those models no rows and logs a warning. The boards are the probe
 * stream of option {@code seed}. The launcher puts the model's key columns in front of the rows.
 */
abstract class WalkProbe implements LandscapeProbe {

    static final List<String> COLUMNS = List.of("alpha", "l1_to_exact", "loss", "loss_torch", "board_exact",
            "barrier", "construction", "margin", "polish");

    static final String POINTS = "points";
    static final String CONSTRUCTION = "construction";
    static final String MARGIN = "margin";
    static final String BOARDS = "boards";
    static final String SEED = "seed";
    static final String POLISH = "polish";
    static final String POLISH_SEED = "polish-seed";
    static final String UNFIT = "unfit";
    static final String FAIL = "fail";
    static final String SKIP = "skip";

    private static final Logger LOG = LoggerFactory.getLogger(WalkProbe.class);

    /** Firner's segments per walk. */
    static final int WALK_POINTS = 50;

    private final String name;
    private final String table;
    private final int defaultPoints;

    WalkProbe(String name, String table) {
        this(name, table, WALK_POINTS);
    }

    /** A probe whose {@code points} default to {@code defaultPoints}, for one that measures more per point. */
    WalkProbe(String name, String table, int defaultPoints) {
        this.name = name;
        this.table = table;
        this.defaultPoints = defaultPoints;
    }

    @Override
    public List<OptionSpec> options() {
        List<OptionSpec> options = new ArrayList<>(List.of(
                OptionSpec.number(POINTS, OptionType.INT, String.valueOf(defaultPoints), 1.0, 1000.0,
                        "Segments of the walk: alpha = k/points for k = 0..points (Firner: 50)."),
                OptionSpec.choice(CONSTRUCTION, ExactPoint.AUTO, List.of(ExactPoint.AUTO, "F", "S", "S8", "R"),
                        "Exact solution the walk ends at (REFERENCE.md section 4), from the 'solutions' service; "
                                + "auto: R where it fits (m >= 2), else F."),
                OptionSpec.number(MARGIN, OptionType.DOUBLE, "0", 0.0, 1000.0,
                        "Head logit margin of the exact solution; 0: the construction's default margin."),
                OptionSpec.number(BOARDS, OptionType.INT, "1000", 1.0, 1_000_000.0,
                        "Boards at the model's training size the loss is measured on (Firner: 128000)."),
                OptionSpec.number(SEED, OptionType.LONG, "0", 0.0, null,
                        "Seed of those boards, a probe stream (Firner's data seed is 0; his boards differ)."),
                OptionSpec.number(POLISH, OptionType.INT, "0", 0.0, 1_000_000.0,
                        "Batches the exact solution is trained further with the run's protocol before the walk "
                                + "(Firner's presolved end point: 1000); 0: the construction itself."),
                OptionSpec.number(POLISH_SEED, OptionType.LONG, "0", 0.0, null,
                        "Seed of the training stream the end point is polished on."),
                OptionSpec.choice(UNFIT, FAIL, List.of(FAIL, SKIP),
                        "A grid point the construction does not fit: refuse the profile before training, or skip "
                                + "those models with a warning.")));
        options.addAll(ownOptions());
        return List.copyOf(options);
    }

    /** The walk's {@link #COLUMNS} with {@code extra} inserted after {@code barrier}. */
    static List<String> withAfterBarrier(String... extra) {
        List<String> all = new ArrayList<>(COLUMNS);
        all.addAll(all.indexOf("barrier") + 1, List.of(extra));
        return List.copyOf(all);
    }

    /** Options of this probe besides the shared ones; none by default. */
    List<OptionSpec> ownOptions() {
        return List.of();
    }

    @Override
    public String table() {
        return table;
    }

    @Override
    public Set<Role> requires() {
        return Set.of(Role.MODEL, Role.TRAINER, Role.SOLUTIONS);
    }

    /** With {@code unfit = fail}, the construction must fit every (game, n, m) of the grid. */
    @Override
    public void check(Study study) {
        Settings settings = study.settings();
        if (settings.getString(UNFIT).equals(SKIP)) {
            return;
        }
        Experiment experiment = study.experiment();
        Model model = study.model().orElseThrow();
        Solutions solutions = study.solutions().orElseThrow();
        for (Game game : experiment.games()) {
            for (ModelSpec spec : experiment.modelSpecs(game)) {
                try {
                    Endpoint.construct(settings, solutions, game, spec, model.layout(spec));
                } catch (IllegalArgumentException e) {
                    throw new InvalidOption(CONSTRUCTION,
                            unfit(settings, "the models of the grid at " + describe(spec, game), e));
                }
            }
        }
    }

    @Override
    public Table probe(TrainedModel trained, RunContext context) {
        Settings settings = context.settings();
        Model model = context.model().orElseThrow(() -> new IllegalStateException(name
                + " walks trained models and needs key 'model'"));
        Solutions solutions = context.solutions().orElseThrow(() -> new IllegalStateException(name
                + " needs exact solutions: set key 'solutions', for example solutions = exact"));
        Table.Builder rows = Table.builder(table, columns());
        Endpoint end;
        try {
            end = Endpoint.construct(settings, solutions, trained.data().game(), trained.modelSpec(),
                    model.layout(trained.modelSpec()));
        } catch (IllegalArgumentException e) {
            String unfit = unfit(settings, "model " + trained.id() + " (" + trained.architecture() + ", "
                    + describe(trained.modelSpec(), trained.data().game()) + ")", e);
            if (settings.getString(UNFIT).equals(SKIP)) {
                LOG.warn("{}: {}; no walk for this model", name, unfit);
                return rows.build();
            }
            throw new IllegalArgumentException(name + ": " + unfit, e);
        }
        end = end.polished(context, trained.modelSpec(), trained.data(), settings.getInt(POLISH),
                settings.getLong(POLISH_SEED));
        EvaluationSet boards = EvaluationSet.draw(context.dataset(), trained.data(), settings.getLong(SEED),
                settings.getInt(BOARDS));
        Network network = model.network(trained.modelSpec(), trained.parameters());
        walk(trained, model.layout(trained.modelSpec()), end, new Walker(trained, network, boards,
                settings.getInt(POINTS), settings, context.dataset()), rows);
        return rows.build();
    }

    /** Walks {@code trained} towards {@code end} and adds the rows, columns {@link #columns()}. */
    abstract void walk(TrainedModel trained, ParameterLayout layout, Endpoint end, Walker walker,
                       Table.Builder rows);

    /** Walks from one trained model, on one set of boards, with one network and the probe's settings. */
    record Walker(TrainedModel trained, Network network, EvaluationSet boards, int points, Settings settings,
                  Dataset dataset) {

        /** The measures at {@code parameters}. */
        EvaluationSet.Measures measure(ParameterVector parameters) {
            network.setParameters(parameters);
            return boards.measure(network);
        }

        /** The gradient of the loss on the boards at {@code parameters}. */
        ParameterVector gradient(ParameterVector parameters) {
            network.setParameters(parameters);
            return boards.gradient(network);
        }

        /** The straight walk from the trained model to {@code end}. */
        Walk to(ParameterVector end) {
            Walk walk = Walk.between(trained.parameters(), end, points, network, boards, trained.id());
            LOG.debug("{}: barrier {} on {} boards", trained.id(), walk.barrier(), boards.boards());
            return walk;
        }

        /** The walk along {@code path} from the trained model (α = 0) to {@code end} (α = 1). */
        Walk along(DoubleFunction<ParameterVector> path, ParameterVector end) {
            return Walk.along(path, end, points, network, boards, trained.id());
        }
    }

    private String unfit(Settings settings, String what, IllegalArgumentException reason) {
        return "construction " + settings.getString(CONSTRUCTION) + " does not fit " + what + ": "
                + reason.getMessage() + ". Set " + name + "." + CONSTRUCTION + " to one that fits, or " + name + "."
                + UNFIT + " = " + SKIP + " to walk only the models it fits";
    }

    /** What decides whether a construction fits a model. */
    private static String describe(ModelSpec spec, Game game) {
        return "n = " + spec.steps() + ", m = " + spec.width() + ", d = " + spec.depth() + ", "
                + spec.activation().label() + ", " + game.label();
    }
}
