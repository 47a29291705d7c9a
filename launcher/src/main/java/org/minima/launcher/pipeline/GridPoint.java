package org.minima.launcher.pipeline;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.minima.api.data.Density;
import org.minima.api.data.Game;
import org.minima.api.run.Experiment;
import org.minima.api.train.TrainedModel;

/**
 * One model of a study's grid: a game, a density, a step count, a width and a seed. Its {@link #id()} names the
 * model's files, so it must stay stable across resumed runs.
 *
 * @param game    the variant
 * @param density initial density
 * @param steps   GoL steps n
 * @param width   width factor m
 * @param seed    model seed
 */
public record GridPoint(Game game, Density density, int steps, int width, long seed) {

    /** The key columns every per-model table starts with. */
    static final List<String> KEY_COLUMNS = List.of("model", "rule", "neighbourhood", "boundary", "density", "steps",
            "width", "seed");

    /** Every point of the experiment's grid, in a fixed order (games, densities, steps, widths, seeds). */
    static List<GridPoint> all(Experiment experiment) {
        List<GridPoint> points = new ArrayList<>();
        for (Game game : experiment.games()) {
            for (Density density : experiment.densities()) {
                for (int n : experiment.steps()) {
                    for (int m : experiment.widths()) {
                        for (long seed : experiment.seeds()) {
                            points.add(new GridPoint(game, density, n, m, seed));
                        }
                    }
                }
            }
        }
        return points;
    }

    /** The point a trained model came from. */
    static GridPoint of(TrainedModel model) {
        return new GridPoint(model.data().game(), model.data().density(), model.data().steps(),
                model.modelSpec().width(), model.seed());
    }

    /** For example {@code moore-dead-p0.5-n3-m2-s7}. */
    String id() {
        String p = density.isFixed() ? String.valueOf(density.min()) : density.min() + "-" + density.max();
        return game.neighbourhood().label() + "-" + game.boundary().label() + "-p" + p + "-n" + steps + "-m" + width
                + "-s" + seed;
    }

    /** The key columns' values. */
    Map<String, Object> key() {
        Map<String, Object> key = new LinkedHashMap<>();
        key.put("model", id());
        key.put("rule", game.rule().toString());
        key.put("neighbourhood", game.neighbourhood().label());
        key.put("boundary", game.boundary().label());
        key.put("density", density.toString());
        key.put("steps", steps);
        key.put("width", width);
        key.put("seed", seed);
        return key;
    }
}
