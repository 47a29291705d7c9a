package org.minima.baseline;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.minima.api.OptionSpec;
import org.minima.api.OptionType;
import org.minima.api.Plugin;
import org.minima.api.Progress;
import org.minima.api.Settings;
import org.minima.api.Table;
import org.minima.api.data.BoardShape;
import org.minima.api.data.BoardStream;
import org.minima.api.data.Boards;
import org.minima.api.data.DataSpec;
import org.minima.api.data.Dataset;
import org.minima.api.data.Density;
import org.minima.api.data.Game;
import org.minima.api.data.Neighbourhood;
import org.minima.api.run.Analysis;
import org.minima.api.run.Experiment;
import org.minima.api.run.RunContext;
import org.osgi.service.component.annotations.Component;

/**
 * The data baseline of REFERENCE.md section 2: for every game, density, board size (test and training) and step
 * count n of the profile, the share of boards entirely dead after n steps (what "predict an empty board" scores),
 * the mean live fraction, and the share of boards unchanged from step n−1. The boards are the analysis stream of
 * option {@code seed}, never boards a model trains or is evaluated on.
 */
@Component(service = Analysis.class, property = Plugin.NAME + "=" + BaselineAnalysis.NAME)
public final class BaselineAnalysis implements Analysis {

    static final String NAME = "baseline";
    static final String TABLE = "baseline";
    static final List<String> COLUMNS = List.of("rule", "neighbourhood", "boundary", "density", "size", "steps",
            "boards", "dead_share", "mean_live_fraction", "unchanged_share");

    private static final int CHUNK = 1000;

    @Override
    public String description() {
        return "Share of boards dead, mean live fraction and share unchanged after n steps, at test and training size";
    }

    @Override
    public List<OptionSpec> options() {
        return List.of(
                OptionSpec.number("boards", OptionType.INT, "10000", 1.0, 10_000_000.0,
                        "Boards drawn per game, density and size."),
                OptionSpec.number("seed", OptionType.LONG, "0", 0.0, null, "Seed of the boards (an analysis stream)."),
                OptionSpec.number("steps", OptionType.INT_LIST, "", 1.0, 1000.0,
                        "Step counts n to tabulate; empty: the profile's steps."),
                new OptionSpec("neighbourhoods", OptionType.STRING_LIST, "",
                        "Neighbourhoods to tabulate; empty: the profile's.", List.of("moore", "von-neumann"),
                        null, null));
    }

    @Override
    public List<String> tables() {
        return List.of(TABLE);
    }

    @Override
    public void run(RunContext context) throws Exception {
        Experiment experiment = context.experiment();
        Settings settings = context.settings();
        int boards = settings.getInt("boards");
        long seed = settings.getLong("seed");
        List<Integer> steps = settings.getIntList("steps").isEmpty() ? experiment.steps()
                : settings.getIntList("steps");
        List<Game> games = games(experiment, settings.getStringList("neighbourhoods"));
        Set<BoardShape> shapes = new LinkedHashSet<>(List.of(experiment.testShape(), experiment.trainShape()));
        long total = (long) games.size() * experiment.densities().size() * shapes.size() * boards;
        int maxSteps = steps.stream().mapToInt(Integer::intValue).max().orElseThrow();
        Table.Builder table = Table.builder(TABLE, COLUMNS);
        try (Progress progress = context.progress("baseline boards", total)) {
            for (Game game : games) {
                for (Density density : experiment.densities()) {
                    for (BoardShape shape : shapes) {
                        DataSpec spec = new DataSpec(game, shape, density, maxSteps);
                        List<BoardStatistics> stats = measure(context.dataset(), spec, seed, boards, progress);
                        addRows(table, spec, steps, stats);
                    }
                }
            }
        }
        context.writeTable(table.build());
    }

    /** The profile's games, or its rules and boundaries in the given neighbourhoods. */
    private static List<Game> games(Experiment experiment, List<String> neighbourhoods) {
        if (neighbourhoods.isEmpty()) {
            return experiment.games();
        }
        return experiment.games().stream()
                .flatMap(g -> neighbourhoods.stream().map(n -> new Game(g.rule(), Neighbourhood.parse(n),
                        g.boundary())))
                .distinct()
                .toList();
    }

    /** Statistics for every step 1..spec.steps() over {@code boards} boards, drawn in chunks. */
    static List<BoardStatistics> measure(Dataset dataset, DataSpec spec, long seed, int boards, Progress progress) {
        List<BoardStatistics> stats = new ArrayList<>();
        for (int n = 0; n <= spec.steps(); n++) {
            stats.add(new BoardStatistics());
        }
        for (long chunk = 0; chunk * CHUNK < boards; chunk++) {
            int count = (int) Math.min(CHUNK, boards - chunk * CHUNK);
            Boards sample = dataset.sample(spec, BoardStream.analysis(seed), chunk, count);
            float[] previous = sample.cells(0);
            for (int n = 1; n <= spec.steps(); n++) {
                float[] current = sample.cells(n);
                stats.get(n).add(previous, current, count, spec.shape().cells());
                previous = current;
            }
            progress.advance(count);
        }
        return stats;
    }

    private static void addRows(Table.Builder table, DataSpec spec, List<Integer> steps, List<BoardStatistics> stats) {
        Game game = spec.game();
        for (int n : steps) {
            BoardStatistics s = stats.get(n);
            table.row(game.rule().toString(), game.neighbourhood().label(), game.boundary().label(),
                    spec.density().toString(), spec.shape().toString(), n, s.boards(), s.deadShare(),
                    s.meanLiveFraction(), s.unchangedShare());
        }
    }
}
