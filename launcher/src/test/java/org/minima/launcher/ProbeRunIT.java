package org.minima.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.minima.api.Table;
import org.minima.launcher.folder.CsvTables;
import org.minima.launcher.folder.RunFolder;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The probe stage end to end with the straight walk (bundle probe-walk): probed in the run that trains the models,
 * and added on resume to a run that trained them without it, which must not train them again.
 */
class ProbeRunIT {

    private static final int POINTS = 10;
    private static final String TRAINING = MinimaHome.TINY_TRAINING + """
            train.batches = 150
            train.batch-size = 32
            train.seeds = 1-2
            """;
    private static final String WALK = """
            solutions = exact
            probes = straight-walk
            straight-walk.points = %d
            straight-walk.boards = 200
            """.formatted(POINTS);
    private static final String BOTH_WALKS = WALK.replace("probes = straight-walk",
            "probes = straight-walk, aligned-walk, block-walk, loss-slice, low-loss-curve, hessian, filter-match,"
                    + " unit-activity, case-loss")
            + "aligned-walk.points = %d\naligned-walk.boards = 200\n".formatted(POINTS)
            + "block-walk.points = 2\nblock-walk.boards = 100\nloss-slice.points = 2\nloss-slice.boards = 50\n"
            + "low-loss-curve.points = 4\nlow-loss-curve.boards = 50\nlow-loss-curve.steps = 50\n"
            + "hessian.boards = 50\nunit-activity.boards = 20\n"
            + "plots = walk-figure, block-figure, slice-figure\n";
    /** Grid order: widths, then seeds. */
    private static final List<String> MODELS = List.of("von-neumann-dead-p0.5-n1-m1-pytorch-default-s1",
            "von-neumann-dead-p0.5-n1-m1-pytorch-default-s2", "von-neumann-dead-p0.5-n1-m2-pytorch-default-s1",
            "von-neumann-dead-p0.5-n1-m2-pytorch-default-s2");
    // Written out rather than taken from the code: these are the formats analysis scripts depend on.
    private static final List<String> WALK_COLUMNS = List.of("alpha", "l1_to_exact", "loss", "loss_torch",
            "board_exact", "barrier", "construction", "margin", "polish");
    private static final List<String> COLUMNS = Stream.of(
            List.of("model", "architecture", "rule", "neighbourhood", "boundary", "density", "steps", "width", "init",
                    "seed"),
            WALK_COLUMNS).flatMap(List::stream).toList();

    @TempDir
    Path dir;

    @Test
    void walksEveryModelFromItsTrainedPointToTheExactSolution() throws Exception {
        MinimaHome minima = new MinimaHome(dir);
        minima.profile("walk", TRAINING + BOTH_WALKS);
        MinimaHome.Result result = minima.run("run", "walk");
        assertEquals(0, result.exitCode(), result.output());
        Path run = minima.onlyRunFolder("walk");
        assertEquals(List.of(), MinimaHome.temporaryFiles(run));
        assertWalks(run, POINTS);
        assertAlignedBesideStraight(run);
        Table blocks = MinimaHome.table(run, "block_walk");
        assertEquals(List.of("0"), blocks.distinct("block"), "one-step networks have one block");
        assertEquals(MODELS.size() * 3, blocks.rows().size());
        assertEquals(MODELS.size() * 2 * 9, MinimaHome.table(run, "loss_slice").rows().size(),
                "a 3 x 3 plane around each model and its exact solution");
        Table curve = MinimaHome.table(run, "low_loss_curve");
        assertEquals(MODELS.size() * 5, curve.rows().size());
        for (int row = 0; row < curve.rows().size(); row++) {
            assertTrue(curve.number(row, "control_l1") > 0, "every curve's control point was trained");
        }
        Table hessian = MinimaHome.table(run, "hessian");
        assertEquals(MODELS.size() * 2, hessian.rows().size(), "the trained and the exact point of each model");
        assertEquals(List.of("25", "53"), hessian.distinct("parameters"), "Firner's networks at m = 1 and 2");
        assertEquals(List.of("b0.conv3x3"), MinimaHome.table(run, "filter_match").distinct("layer"));
        assertEquals(2 * (2 + 1 + 1) + 2 * (4 + 2 + 1), MinimaHome.table(run, "unit_activity").rows().size(),
                "every channel of every layer: 2m + m + 1, two models at m = 1 and two at m = 2");
        assertEquals(MODELS.size() * 6, MinimaHome.table(run, "case_loss").rows().size(), "five cases and all");
        for (String figure : List.of("walk.png", "blocks.png", "slices.png")) {
            assertTrue(Files.size(run.resolve(figure)) > 0, figure);
        }
    }

    @Test
    void aProbeAddedOnResumeWalksTheModelsWithoutTrainingThemAgain() throws Exception {
        MinimaHome minima = new MinimaHome(dir);
        minima.profile("walk", TRAINING);
        MinimaHome.Result trained = minima.run("run", "walk");
        assertEquals(0, trained.exitCode(), trained.output());
        Path run = minima.onlyRunFolder("walk");
        assertFalse(Files.exists(run.resolve("straight_walk.csv")));
        Map<String, MinimaHome.FileState> models = modelFiles(run);
        assertEquals(MODELS.size(), models.size(), models.keySet().toString());

        MinimaHome.Result resumed = minima.run("run", "--resume", run.toString(), "--set", "probes=straight-walk",
                "--set", "solutions=exact", "--set", "straight-walk.points=" + POINTS,
                "--set", "straight-walk.boards=200");
        assertEquals(0, resumed.exitCode(), resumed.output());
        assertTrue(resumed.output().contains("training: 4 models in the grid, 4 already finished, 0 to train"),
                resumed.output());
        assertEquals(models, modelFiles(run), "the models are loaded, not trained or written again");
        assertWalks(run, POINTS);

        MinimaHome.Result other = minima.run("run", "--resume", run.toString(), "--set", "straight-walk.points=2");
        assertEquals(0, other.exitCode(), other.output());
        assertWalks(run, 2);
        assertTrue(other.output().contains("probe 'straight-walk': 4 models, 0 probed already by this bundle and "
                + "these options, 4 to probe"), other.output());
        try (Stream<Path> keys = Files.list(run.resolve("probes").resolve("straight-walk"))) {
            assertEquals(2, keys.count(), "the rows of both option sets are kept, each in its own folder");
        }
    }

    @Test
    void theProbeCommandRunsProbesAloneAndNamesAModelItCannotLoad() throws Exception {
        MinimaHome minima = new MinimaHome(dir);
        minima.profile("walk", TRAINING + "plots = success-figures\n");
        assertEquals(0, minima.run("run", "walk").exitCode());
        Path run = minima.onlyRunFolder("walk");
        Map<String, MinimaHome.FileState> tables = MinimaHome.snapshot(run, ".csv");
        Map<String, MinimaHome.FileState> figures = MinimaHome.snapshot(run, ".png");
        Path missing = run.resolve(RunFolder.MODELS).resolve(MODELS.get(2) + ".zip");
        Path aside = dir.resolve("aside.zip");
        Files.move(missing, aside);

        MinimaHome.Result partial = minima.run("probe", run.toString(), "straight-walk", "--set", "solutions=exact",
                "--set", "straight-walk.points=" + POINTS, "--set", "straight-walk.boards=200");
        assertEquals(2, partial.exitCode(), partial.output());
        assertTrue(partial.output().contains(missing + " does not exist"), partial.output());
        assertTrue(partial.output().contains("3 to probe"), "the others are probed: " + partial.output());
        assertFalse(partial.output().contains("evaluation:") || partial.output().contains("training:"),
                "nothing but the probe runs: " + partial.output());
        Map<String, MinimaHome.FileState> csv = MinimaHome.snapshot(run, ".csv");
        csv.remove("straight_walk.csv");
        assertEquals(tables, csv, "no table but the probe's is written again");

        Files.move(aside, missing);
        MinimaHome.Result rest = minima.run("probe", run.toString(), "straight-walk", "--set", "plots=walk-figure");
        assertEquals(0, rest.exitCode(), rest.output());
        assertTrue(rest.output().contains("4 models, 3 probed already by this bundle and these options, 1 to probe"),
                rest.output());
        assertWalks(run, POINTS);
        assertTrue(Files.size(run.resolve("walk.png")) > 0, "the walk figure is drawn from the probe's table");
        Map<String, MinimaHome.FileState> after = MinimaHome.snapshot(run, ".png");
        after.remove("walk.png");
        assertEquals(figures, after, "figures of other tables are not drawn again");
        String config = Files.readString(run.resolve("config.properties"));
        assertTrue(config.contains("probes = straight-walk") && config.contains("plots = success-figures, walk-figure"),
                "the run keeps the probe and both plots for later resumes:\n" + config);
        String record = Files.readString(run.resolve("run.json"));
        assertTrue(record.contains("\"command\": \"minima run walk\"") && record.contains("minima probe "), record);
        assertTrue(record.contains("\"services\": [ \"probes:straight-walk\" ]"), "run.json lists the walk's bundle: "
                + record);
    }

    private static Map<?, ?> provenance(Path run) throws IOException {
        return new ObjectMapper().readValue(run.resolve("provenance.json").toFile(), Map.class);
    }

    /** The folder of the rows gathered into {@code table}, as its provenance says. */
    private static Path rowsOf(Path run, String table) throws IOException {
        return run.resolve(((Map<?, ?>) provenance(run).get(table + ".csv")).get("folder").toString());
    }

    /**
     * straight_walk.csv: one block of points + 1 rows per model in grid order, each the model's own
     * probes/straight-walk/KEY/ID.csv behind its key columns, walking from about the model's training loss to the small
     * loss of the exact point (R at m = 2, F at m = 1, margin 10), where every board is right.
     */
    private static void assertWalks(Path run, int points) throws IOException {
        Map<?, ?> maker = (Map<?, ?>) provenance(run).get("straight_walk.csv");
        assertEquals("org.minima.walk", maker.get("bundle"));
        assertEquals(String.valueOf(points), ((Map<?, ?>) maker.get("options")).get("points"));
        assertTrue(maker.get("sha256").toString().matches("[0-9a-f]{64}"), maker.toString());
        Table walks = MinimaHome.table(run, "straight_walk");
        assertEquals(COLUMNS, walks.columns());
        assertEquals(MODELS, walks.distinct("model"));
        assertEquals(MODELS.size() * (points + 1), walks.rows().size(), "rows of " + points + " points, none else");
        Table training = MinimaHome.table(run, "training");
        for (String model : MODELS) {
            Table walk = walks.where("model", model::equals);
            Table own = CsvTables.read("straight_walk", rowsOf(run, "straight_walk").resolve(model + ".csv"));
            assertEquals(WALK_COLUMNS, own.columns());
            assertEquals(own.rows(), walk.rows().stream().map(r -> r.subList(COLUMNS.size() - WALK_COLUMNS.size(),
                    r.size())).toList(), model + ": the table gathers the model's own file");

            double start = walk.number(0, "loss");
            double end = walk.number(points, "loss");
            double trainedLoss = training.where("model", model::equals).number(0, "final_loss");
            // other boards than the last training batch's, so close but not equal (within 10% when written)
            assertTrue(start > trainedLoss / 2 && start < trainedLoss * 2,
                    model + ": the walk starts at about the training loss " + trainedLoss + ", not " + start);
            assertTrue(end > 0 && end < 1e-3, model + ": the walk ends at the exact point's small loss, not " + end);
            assertEquals(1.0, walk.number(points, "board_exact"), 0, model + ": every board is right at the end");
            double highest = 0;
            for (int k = 0; k <= points; k++) {
                assertEquals((double) k / points, walk.number(k, "alpha"), 1e-15, model);
                assertEquals(model.contains("-m1-") ? "F" : "R", walk.text(k, "construction"),
                        "auto: R where it fits, F at m = 1");
                assertEquals(10, walk.number(k, "margin"), 0);
                assertEquals("firner", walk.text(k, "architecture"));
                highest = Math.max(highest, walk.number(k, "loss"));
            }
            double distance = walk.number(0, "l1_to_exact");
            assertTrue(distance > 0, model);
            assertEquals(0, walk.number(points, "l1_to_exact"), 0, model);
            assertEquals(distance / 2, walk.number(points / 2, "l1_to_exact"), 1e-5 * distance, model);
            assertEquals(highest - (start + end) / 2, walk.number(0, "barrier"), 1e-12 * highest, model);
        }
    }

    /**
     * aligned_walk.csv starts where the straight walk does (same model, same boards) and carries the straight walk's
     * barrier and distance beside its own.
     */
    private static void assertAlignedBesideStraight(Path run) throws IOException {
        Table aligned = MinimaHome.table(run, "aligned_walk");
        Table straight = MinimaHome.table(run, "straight_walk");
        assertEquals(MODELS, aligned.distinct("model"));
        for (String model : MODELS) {
            Table a = aligned.where("model", model::equals);
            Table s = straight.where("model", model::equals);
            assertEquals(s.number(0, "loss"), a.number(0, "loss"), 1e-12, model + ": same start, same boards");
            assertEquals(s.number(0, "barrier"), a.number(0, "straight_barrier"), 1e-12, model);
            assertEquals(s.number(0, "l1_to_exact"), a.number(0, "straight_l1"), 1e-9, model);
        }
    }

    /** Content and modification time of every model file of the run. */
    private static Map<String, MinimaHome.FileState> modelFiles(Path run) throws IOException {
        return MinimaHome.snapshot(run.resolve(RunFolder.MODELS), ".zip");
    }
}
