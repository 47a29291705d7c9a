package org.minima.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.minima.api.Table;

/**
 * The shipped profiles middle-init and basins on reduced grids with CI-sized budgets: real training from every start
 * they compare, their tables and their figures.
 */
class StudyProfilesIT {

    /** What shrinks a profile to seconds: one small grid point, two seeds, a few batches on small boards. */
    private static final List<String> SMALL = List.of("model.width=2", "train.seeds=1-2", "train.batches=40",
            "train.batch-size=16", "data.train-size=6x6", "data.test-boards=200");

    @TempDir
    Path dir;

    @Test
    void middleInitComparesItsFourStartsOnTheSameSeeds() throws Exception {
        MinimaHome minima = shipped("middle-init");
        MinimaHome.Result result = minima.run(command("middle-init", "steps=2", "analyses=",
                "plots=success-figures, init-figure"));
        assertEquals(0, result.exitCode(), result.output());
        Path run = minima.onlyRunFolder("middle-init");
        Table summary = MinimaHome.table(run, "summary");
        assertEquals(List.of("pytorch-default", "middle", "middle-frozen", "all-but-one"), summary.distinct("init"));
        Table training = MinimaHome.table(run, "training");
        assertEquals(List.of("", "1"), training.distinct("frozen_blocks"), "only middle-frozen freezes, block 1");
        assertTrue(Files.size(run.resolve("init.png")) > 0);
    }

    @Test
    void basinsRetrainFromEveryPerturbationAndTheUnperturbedSolutionStaysRight() throws Exception {
        MinimaHome minima = shipped("basins");
        MinimaHome.Result result = minima.run(command("basins", "steps=1"));
        assertEquals(0, result.exitCode(), result.output());
        Path run = minima.onlyRunFolder("basins");
        Table evaluation = MinimaHome.table(run, "evaluation").where("size", "5x5"::equals);
        assertEquals(10, evaluation.distinct("init").size());
        for (String exact : List.of("noise-0pct", "flip-0")) {
            Table rows = evaluation.where("init", exact::equals);
            for (int row = 0; row < rows.rows().size(); row++) {
                assertEquals(1, rows.number(row, "success"), exact + ": the exact solution, trained on, stays right");
            }
        }
        assertTrue(Files.size(run.resolve("basins.png")) > 0);
    }

    @Test
    void firnersNormalizedProtocolLearnsOneStepAtWidthFive() throws Exception {
        MinimaHome minima = shipped("firner-normalized");
        MinimaHome.Result result = minima.run("run", "firner-normalized", "--set", "steps=1", "--set",
                "model.width=5", "--set", "train.seeds=1", "--set", "train.batches=3000", "--set", "analyses=",
                "--set", "plots=");
        assertEquals(0, result.exitCode(), result.output());
        Path run = minima.onlyRunFolder("firner-normalized");
        Table evaluation = MinimaHome.table(run, "evaluation");
        assertEquals(List.of("firner-normalize"), evaluation.distinct("init"), "the protocol is in the init column");
        assertEquals(1, evaluation.where("size", "5x5"::equals).number(0, "success"), result.output());
        String config = Files.readString(run.resolve("config.properties"));
        assertTrue(config.contains("dl4j.dropout = 0.4"), config);
    }

    /**
     * Firner's input shift, the option his BetterNet.forward would have applied: the trained network evaluates with
     * the shift it trained with (its evaluation loss on fresh 10x10 boards is its last training loss, within the
     * noise of one batch; read unshifted it would be another network), and exact walks refuse it before any work.
     */
    @Test
    void theInputShiftIsTrainedAndEvaluatedAlikeAndWalksRefuseIt() throws Exception {
        MinimaHome minima = shipped("firner");
        MinimaHome.Result result = minima.run("run", "firner", "--set", "steps=1", "--set", "model.width=5", "--set",
                "train.seeds=1", "--set", "train.batches=1000", "--set", "analyses=", "--set", "plots=", "--set",
                "model.input-shift=-0.5");
        assertEquals(0, result.exitCode(), result.output());
        Path run = minima.onlyRunFolder("firner");
        double trained = MinimaHome.table(run, "training").number(0, "final_loss");
        double evaluated = MinimaHome.table(run, "evaluation").where("size", "10x10"::equals).number(0, "loss");
        assertEquals(trained, evaluated, 0.25 * trained, "the evaluation reads the shifted input too");
        assertTrue(Files.readString(run.resolve("config.properties")).contains("model.input-shift = -0.5"));
        MinimaHome.Result walk = minima.run("probe", run.toString(), "straight-walk", "--set", "solutions=exact");
        assertEquals(2, walk.exitCode(), walk.output());
        assertTrue(walk.output().contains("no exact construction reads a shifted input"), walk.output());
    }

    /** A Minima home holding the shipped profile {@code name}. */
    private MinimaHome shipped(String name) throws IOException {
        MinimaHome minima = new MinimaHome(dir);
        minima.profile(name, Files.readString(Path.of("..", "config", name + ".properties")));
        return minima;
    }

    private static String[] command(String profile, String... more) {
        List<String> words = new ArrayList<>(List.of("run", profile));
        for (String set : SMALL) {
            words.addAll(List.of("--set", set));
        }
        for (String set : more) {
            words.addAll(List.of("--set", set));
        }
        return words.toArray(String[]::new);
    }
}
