package org.minima.launcher.config;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import org.minima.api.Settings;
import org.minima.api.data.BoardShape;
import org.minima.api.data.Boundary;
import org.minima.api.data.Density;
import org.minima.api.data.Game;
import org.minima.api.data.Neighbourhood;
import org.minima.api.data.Rule;
import org.minima.api.model.Activation;
import org.minima.api.run.Experiment;
import org.minima.api.train.Optimizer;
import org.minima.api.train.TrainingSpec;

/**
 * Builds the typed {@link Experiment} from the resolved core keys, turning every domain error (a bad rule, a
 * malformed board size, an out-of-range density, a non-positive learning rate) into a problem that names the key.
 */
public final class ExperimentFactory {

    private final Profile profile;
    private final Settings core;
    private final List<String> problems;

    private ExperimentFactory(Profile profile, Settings core, List<String> problems) {
        this.profile = profile;
        this.core = core;
        this.problems = problems;
    }

    /** The experiment, or null after adding a problem per invalid key. */
    static Experiment build(Profile profile, Settings core, List<String> problems) {
        return new ExperimentFactory(profile, core, problems).build();
    }

    private Experiment build() {
        int before = problems.size();
        Rule rule = parse("data.rule", Rule::parse);
        List<Neighbourhood> neighbourhoods = core.getStringList("data.neighbourhood").stream()
                .map(Neighbourhood::parse).toList();
        List<Boundary> boundaries = core.getStringList("data.boundary").stream().map(Boundary::parse).toList();
        List<Density> densities = parseList("data.density", Density::parse);
        BoardShape trainShape = parse("data.train-size", BoardShape::parse);
        BoardShape testShape = parse("data.test-size", BoardShape::parse);
        List<Game> games = rule == null ? List.of() : games(rule, neighbourhoods, boundaries);
        TrainingSpec training = parse("train.learning-rate", ignored -> trainingSpec());
        requireNonEmpty("data.neighbourhood", neighbourhoods);
        requireNonEmpty("data.boundary", boundaries);
        requireNonEmpty("steps", core.getIntList("steps"));
        requireNonEmpty("model.width", core.getIntList("model.width"));
        requireNonEmpty("train.seeds", core.getIntList("train.seeds"));
        requireNonEmpty("init", core.getStringList("init"));
        if (problems.size() > before) {
            return null;
        }
        return new Experiment(profile.name(), games, densities, trainShape, testShape,
                core.getInt("data.test-boards"), core.getLong("data.test-seed"), core.getIntList("steps"),
                core.getIntList("model.width"), core.getDouble("model.depth"),
                Activation.parse(core.getString("model.activation")), core.getDouble("model.input-shift"), initNames(),
                core.getIntList("train.seeds").stream().map(Integer::longValue).toList(), training);
    }

    /** The names of the {@code init} axis (a variant's own name); each at most once. */
    private List<String> initNames() {
        List<String> names;
        try {
            names = ServiceEntry.names(core.getStringList("init"));
        } catch (IllegalArgumentException e) {
            return List.of();
        }
        if (names.stream().distinct().count() < names.size()) {
            problem("init", "each initializer or variant may appear once, not " + String.join(", ", names));
        }
        return names;
    }

    private List<Game> games(Rule rule, List<Neighbourhood> neighbourhoods, List<Boundary> boundaries) {
        List<Game> games = new ArrayList<>();
        for (Neighbourhood neighbourhood : neighbourhoods) {
            for (Boundary boundary : boundaries) {
                try {
                    games.add(new Game(rule, neighbourhood, boundary));
                } catch (IllegalArgumentException e) {
                    problem("data.rule", e.getMessage());
                }
            }
        }
        return games;
    }

    private TrainingSpec trainingSpec() {
        Optimizer optimizer = new Optimizer(core.getString("train.optimizer"), core.getDouble("train.learning-rate"),
                core.getDouble("train.beta1"), core.getDouble("train.beta2"), core.getDouble("train.epsilon"));
        return new TrainingSpec(optimizer, core.getInt("train.batches"), core.getInt("train.batch-size"),
                core.getInt("train.curve-every"));
    }

    private <T> T parse(String key, Function<String, T> parser) {
        try {
            return parser.apply(core.raw(key));
        } catch (IllegalArgumentException e) {
            problem(key, e.getMessage());
            return null;
        }
    }

    private <T> List<T> parseList(String key, Function<String, T> parser) {
        List<T> out = new ArrayList<>();
        for (String item : core.getStringList(key)) {
            try {
                out.add(parser.apply(item));
            } catch (IllegalArgumentException e) {
                problem(key, e.getMessage());
            }
        }
        requireNonEmpty(key, out);
        if (out.stream().distinct().count() < out.size()) {
            problem(key, "lists the same value twice (written differently): each value is an axis point");
        }
        return out;
    }

    private void requireNonEmpty(String key, List<?> values) {
        if (values.isEmpty() && problems.stream().noneMatch(p -> p.contains("'" + key + "'"))) {
            problem(key, "must list at least one value");
        }
    }

    private void problem(String key, String message) {
        problems.add(profile.originOf(key) + ": key '" + key + "' = '" + core.raw(key) + "': " + message);
    }
}
