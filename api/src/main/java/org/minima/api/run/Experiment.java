package org.minima.api.run;

import java.util.List;
import java.util.Objects;

import org.minima.api.data.BoardShape;
import org.minima.api.data.DataSpec;
import org.minima.api.data.Density;
import org.minima.api.data.Game;
import org.minima.api.model.Activation;
import org.minima.api.model.ModelSpec;
import org.minima.api.model.Padding;
import org.minima.api.train.TrainingSpec;

/**
 * The study a profile describes, resolved and validated: its axes (games, densities, steps, widths, initializers,
 * seeds) and its fixed settings. The grid of models is games × densities × steps × widths × inits × seeds.
 *
 * @param profile    the profile's name
 * @param games      the Game of Life variants (rule × neighbourhoods × boundaries)
 * @param densities  initial densities
 * @param trainShape training board size
 * @param testShape  test board size
 * @param testBoards boards in each evaluation set
 * @param testSeed   seed of the evaluation sets
 * @param steps      step counts n
 * @param widths     width factors m
 * @param depth      depth factor d
 * @param activation hidden activation
 * @param inputShift added to every input cell of every network ({@link ModelSpec#inputShift()})
 * @param inits      names of the {@link org.minima.api.init.Initializer} services that start the models
 * @param seeds      model seeds
 * @param training   training protocol
 */
public record Experiment(String profile, List<Game> games, List<Density> densities, BoardShape trainShape,
                         BoardShape testShape, int testBoards, long testSeed, List<Integer> steps,
                         List<Integer> widths, double depth, Activation activation, double inputShift,
                         List<String> inits, List<Long> seeds, TrainingSpec training) {

    public Experiment {
        Objects.requireNonNull(profile, "profile");
        games = List.copyOf(games);
        densities = List.copyOf(densities);
        steps = List.copyOf(steps);
        widths = List.copyOf(widths);
        inits = List.copyOf(inits);
        seeds = List.copyOf(seeds);
        Objects.requireNonNull(trainShape, "trainShape");
        Objects.requireNonNull(testShape, "testShape");
        Objects.requireNonNull(activation, "activation");
        Objects.requireNonNull(training, "training");
    }

    /** An experiment whose networks read the cells as they are. */
    public Experiment(String profile, List<Game> games, List<Density> densities, BoardShape trainShape,
                      BoardShape testShape, int testBoards, long testSeed, List<Integer> steps, List<Integer> widths,
                      double depth, Activation activation, List<String> inits, List<Long> seeds,
                      TrainingSpec training) {
        this(profile, games, densities, trainShape, testShape, testBoards, testSeed, steps, widths, depth, activation,
                0, inits, seeds, training);
    }

    /** Training boards for one point of the grid. */
    public DataSpec trainData(Game game, Density density, int n) {
        return new DataSpec(game, trainShape, density, n);
    }

    /** Test boards for one point of the grid. */
    public DataSpec testData(Game game, Density density, int n) {
        return new DataSpec(game, testShape, density, n);
    }

    /** Number of models in the grid. */
    public int models() {
        return games.size() * densities.size() * steps.size() * widths.size() * inits.size() * seeds.size();
    }

    /** The network for n steps at width m of {@code game}: it pads as the game's boundary needs. */
    public ModelSpec modelSpec(Game game, int n, int m) {
        return new ModelSpec(n, m, depth, activation, Padding.of(game.boundary()), inputShift);
    }

    /**
     * The network for n steps at width m, when every game of the grid gives it the same padding.
     *
     * @throws IllegalStateException when the grid's games pad differently: use {@link #modelSpec(Game, int, int)}
     */
    public ModelSpec modelSpec(int n, int m) {
        List<Padding> paddings = paddings();
        if (paddings.size() != 1) {
            throw new IllegalStateException("the games of profile " + profile + " need " + paddings
                    + " padding: name the game of the network");
        }
        return new ModelSpec(n, m, depth, activation, paddings.get(0), inputShift);
    }

    /**
     * Every distinct network of the grid, by padding, step count and then width: what a check over the grid's models
     * walks.
     */
    public List<ModelSpec> modelSpecs() {
        return paddings().stream().flatMap(padding -> steps.stream().flatMap(n -> widths.stream()
                .map(m -> new ModelSpec(n, m, depth, activation, padding, inputShift)))).toList();
    }

    /** Every network of the grid for {@code game}, by step count and then width. */
    public List<ModelSpec> modelSpecs(Game game) {
        return steps.stream().flatMap(n -> widths.stream().map(m -> modelSpec(game, n, m))).toList();
    }

    private List<Padding> paddings() {
        return games.stream().map(game -> Padding.of(game.boundary())).distinct().toList();
    }
}
