package org.minima.launcher.pipeline;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.minima.api.data.Density;
import org.minima.api.data.Game;
import org.minima.api.model.ModelSpec;
import org.minima.api.run.Experiment;
import org.minima.api.train.TrainedModel;

/**
 * One model of a study's grid: an architecture, a game, a density, a step count, a width, an initializer and a seed.
 * Its {@link #id()} names the model's files, so it must stay stable across resumed runs; its {@link #key()} is the
 * key columns every per-model table starts with.
 *
 * @param architecture the Model service's name
 * @param game         the variant
 * @param density      initial density
 * @param steps        GoL steps n
 * @param width        width factor m
 * @param init         the Initializer service's name
 * @param seed         model seed
 */
public record GridPoint(String architecture, Game game, Density density, int steps, int width, String init,
                        long seed) {

    /** The key columns every per-model table starts with, in this order. */
    public static final List<String> KEY_COLUMNS = List.of("model", "architecture", "rule", "neighbourhood",
            "boundary", "density", "steps", "width", "init", "seed");

    /** Every point of the experiment's grid, in a fixed order (games, densities, steps, widths, inits, seeds). */
    static List<GridPoint> all(Experiment experiment, String architecture) {
        List<GridPoint> points = new ArrayList<>();
        for (Game game : experiment.games()) {
            for (Density density : experiment.densities()) {
                for (int n : experiment.steps()) {
                    for (int m : experiment.widths()) {
                        for (String init : experiment.inits()) {
                            for (long seed : experiment.seeds()) {
                                points.add(new GridPoint(architecture, game, density, n, m, init, seed));
                            }
                        }
                    }
                }
            }
        }
        return points;
    }

    /** The point a trained model came from. */
    static GridPoint of(TrainedModel model) {
        return new GridPoint(model.architecture(), model.data().game(), model.data().density(), model.data().steps(),
                model.modelSpec().width(), model.init(), model.seed());
    }

    /** This point's network in {@code experiment}: its steps, width and the padding its game needs. */
    ModelSpec modelSpec(Experiment experiment) {
        return experiment.modelSpec(game, steps, width);
    }

    /** For example {@code moore-dead-p0.5-n3-m2-pytorch-default-s7}. */
    String id() {
        String p = density.isFixed() ? String.valueOf(density.min()) : density.min() + "-" + density.max();
        return game.neighbourhood().label() + "-" + game.boundary().label() + "-p" + p + "-n" + steps + "-m" + width
                + "-" + init + "-s" + seed;
    }

    /** The key columns' values. */
    Map<String, Object> key() {
        Map<String, Object> key = new LinkedHashMap<>();
        key.put("model", id());
        key.put("architecture", architecture);
        key.put("rule", game.rule().toString());
        key.put("neighbourhood", game.neighbourhood().label());
        key.put("boundary", game.boundary().label());
        key.put("density", density.toString());
        key.put("steps", steps);
        key.put("width", width);
        key.put("init", init);
        key.put("seed", seed);
        return key;
    }
}
