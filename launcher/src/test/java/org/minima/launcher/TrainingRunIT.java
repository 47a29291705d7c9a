package org.minima.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.minima.api.Table;
import org.minima.api.data.BoardShape;
import org.minima.api.data.BoardStream;
import org.minima.api.data.Boundary;
import org.minima.api.data.DataSpec;
import org.minima.api.data.Density;
import org.minima.api.data.Game;
import org.minima.api.data.Neighbourhood;
import org.minima.api.data.Rule;
import org.minima.gol.GolDataset;
import org.minima.launcher.folder.CsvTables;
import org.minima.testkit.Life;

/**
 * A short real training run end to end — DL4J training, the success evaluator and Figures 1 and 2 — checked for the
 * files and columns a researcher's scripts read, for training that actually learns, and for an empty-board baseline
 * recomputed outside the framework.
 */
class TrainingRunIT {

    private static final int TEST_BOARDS = 200;
    private static final int BATCHES = 250;
    private static final int BATCH_SIZE = 32;
    private static final int CURVE_EVERY = 25;
    private static final String PROFILE = """
            model = firner
            trainer = dl4j
            evaluator = success
            plots = success-figures
            data.neighbourhood = von-neumann
            data.train-size = 6x6
            data.test-size = 5x5
            data.test-boards = %d
            steps = 1
            model.width = 1, 2
            train.learning-rate = 0.01
            train.batches = %d
            train.batch-size = %d
            train.curve-every = %d
            train.seeds = 1-2
            """.formatted(TEST_BOARDS, BATCHES, BATCH_SIZE, CURVE_EVERY);
    /** Grid order: widths, then seeds. */
    private static final List<String> MODELS = List.of("von-neumann-dead-p0.5-n1-m1-pytorch-default-s1",
            "von-neumann-dead-p0.5-n1-m1-pytorch-default-s2", "von-neumann-dead-p0.5-n1-m2-pytorch-default-s1",
            "von-neumann-dead-p0.5-n1-m2-pytorch-default-s2");
    private static final List<String> SIZES = List.of("5x5", "6x6");

    // Written out rather than taken from the launcher's constants: these are the formats analysis scripts depend on.
    private static final List<String> KEY = List.of("model", "architecture", "rule", "neighbourhood", "boundary",
            "density", "steps", "width", "init", "seed");
    private static final List<String> TRAINING_COLUMNS = concat(KEY,
            List.of("seconds", "samples", "samples_per_s", "final_loss", "init_options", "frozen_blocks"));
    private static final List<String> CURVES_COLUMNS = concat(KEY, List.of("batch", "loss"));
    private static final List<String> EVALUATION_COLUMNS = concat(KEY, List.of("size", "success",
            "board_exact", "cell_accuracy", "loss", "empty_board_exact", "empty_cell_accuracy"));
    private static final List<String> SUMMARY_COLUMNS = List.of("architecture", "init", "rule", "neighbourhood",
            "boundary", "density", "steps", "width", "size", "models", "successes", "success_rate", "success_ci_low",
            "success_ci_high", "mean_board_exact", "sd_board_exact", "mean_cell_accuracy", "mean_loss",
            "empty_board_exact");

    @TempDir
    Path dir;

    @Test
    void trainsEvaluatesAndDrawsTheFigures() throws Exception {
        MinimaHome minima = new MinimaHome(dir);
        minima.profile("train", PROFILE);
        MinimaHome.Result result = minima.run("run", "train");
        assertEquals(0, result.exitCode(), result.output());
        Path run = minima.onlyRunFolder("train");
        assertTrue(Files.readString(run.resolve("run.json")).contains("\"status\": \"succeeded\""));
        assertEquals(List.of(), MinimaHome.temporaryFiles(run));

        for (String model : MODELS) {
            assertModelFile(run.resolve("models").resolve(model + ".zip"), "firner", model.contains("-m2-") ? 2 : 1);
        }
        Table curves = MinimaHome.table(run, "curves");
        assertEquals(CURVES_COLUMNS, curves.columns());
        assertTrainingTable(run, curves);
        for (String model : MODELS) {
            assertLearning(model, curves.where("model", model::equals));
        }
        Table evaluation = MinimaHome.table(run, "evaluation");
        assertEvaluationTable(evaluation);
        assertSummaryTable(MinimaHome.table(run, "summary"), evaluation);
        assertFigures(run);
    }

    @Test
    void trainsTheSpringerKenyonFormEndToEnd() throws Exception {
        MinimaHome minima = new MinimaHome(dir);
        minima.profile("sk", PROFILE.replace("model = firner", "model = springer-kenyon")
                .replace("plots = success-figures\n", "").replace("model.width = 1, 2", "model.width = 1")
                .replace("train.seeds = 1-2", "train.seeds = 1").replace("train.batches = " + BATCHES,
                        "train.batches = 50"));
        MinimaHome.Result result = minima.run("run", "sk");
        assertEquals(0, result.exitCode(), result.output());
        Path run = minima.onlyRunFolder("sk");
        assertModelFile(run.resolve("models").resolve(MODELS.get(0) + ".zip"), "springer-kenyon", 1);
        assertEquals(List.of("springer-kenyon"), MinimaHome.table(run, "training").distinct("architecture"));
        Table evaluation = MinimaHome.table(run, "evaluation");
        assertEquals(SIZES, evaluation.distinct("size"));
        assertEquals(List.of("springer-kenyon"), evaluation.distinct("architecture"));
        for (int row = 0; row < evaluation.rows().size(); row++) {
            assertMetricsInRange(evaluation, row);
        }
    }

    /** A DL4J model file whose Minima spec entry names the form and width the model's id promises. */
    private static void assertModelFile(Path file, String form, int width) throws Exception {
        try (ZipFile zip = new ZipFile(file.toFile())) {
            assertTrue(zip.getEntry("configuration.json") != null && zip.getEntry("coefficients.bin") != null,
                    file + " is a DL4J model file");
            ZipEntry spec = zip.getEntry("objects/minima-model-spec");
            assertTrue(spec != null, file + " has the Minima spec entry");
            String text;
            try (ObjectInputStream in = new ObjectInputStream(zip.getInputStream(spec))) {
                text = (String) in.readObject();
            }
            assertTrue(text.startsWith("form=" + form + ";steps=1;width=" + width + ";"), file + ": " + text);
        }
    }

    private static void assertTrainingTable(Path run, Table curves) throws IOException {
        Table training = MinimaHome.table(run, "training");
        assertEquals(TRAINING_COLUMNS, training.columns());
        assertEquals(MODELS, training.distinct("model"));
        assertEquals(MODELS.size(), training.rows().size());
        for (int row = 0; row < training.rows().size(); row++) {
            String model = training.text(row, "model");
            assertEquals("firner", training.text(row, "architecture"));
            assertEquals(model.contains("-m2-") ? "2" : "1", training.text(row, "width"));
            assertEquals(model.endsWith("-s2") ? "2" : "1", training.text(row, "seed"));
            assertEquals((double) BATCHES * BATCH_SIZE, training.number(row, "samples"));
            Table curve = CsvTables.read("curve", run.resolve("models").resolve(model + ".curve.csv"));
            assertEquals(List.of("batch", "loss"), curve.columns());
            Table inCurves = curves.where("model", model::equals);
            assertEquals(curve.rows(), inCurves.rows().stream().map(r -> r.subList(KEY.size(), r.size())).toList(),
                    "curves.csv holds each model's own curve");
            assertEquals(curve.text(curve.rows().size() - 1, "loss"), training.text(row, "final_loss"),
                    model + ": final_loss is the curve's last point");
        }
    }

    /**
     * Every model ends better than an uninformed 0.5 prediction (ln 2); the m = 2 models, which Adam at 0.01 trains
     * quickly at n = 1, more than halve their loss. The m = 1 models may well be stuck: that is what Minima studies.
     */
    private static void assertLearning(String model, Table curve) {
        List<String> batches = new ArrayList<>();
        for (int point = CURVE_EVERY; point <= BATCHES; point += CURVE_EVERY) {
            batches.add(String.valueOf(point));
        }
        assertEquals(batches, curve.distinct("batch"), model + ": one point per " + CURVE_EVERY + " batches");
        double first = curve.number(0, "loss");
        double last = curve.number(curve.rows().size() - 1, "loss");
        for (int row = 0; row < curve.rows().size(); row++) {
            double loss = curve.number(row, "loss");
            assertTrue(Double.isFinite(loss) && loss > 0, model + ": loss " + loss);
        }
        assertTrue(last < Math.log(2), model + ": final loss " + last + " is no better than predicting 0.5");
        if (model.contains("-m2-")) {
            assertTrue(last < first / 2, model + ": loss went from " + first + " to " + last);
        }
    }

    private static void assertEvaluationTable(Table evaluation) {
        assertEquals(EVALUATION_COLUMNS, evaluation.columns());
        assertEquals(MODELS.size() * SIZES.size(), evaluation.rows().size(), "one row per model and size");
        for (int row = 0; row < evaluation.rows().size(); row++) {
            assertEquals(MODELS.get(row / SIZES.size()), evaluation.text(row, "model"));
            assertEquals(SIZES.get(row % SIZES.size()), evaluation.text(row, "size"));
            assertEquals("firner", evaluation.text(row, "architecture"));
            assertMetricsInRange(evaluation, row);
            assertEmptyBaseline(evaluation, row);
        }
        Table learned = evaluation.where("width", "2"::equals).where("size", "5x5"::equals);
        for (int row = 0; row < learned.rows().size(); row++) {
            assertTrue(learned.number(row, "board_exact") > learned.number(row, "empty_board_exact"),
                    "a trained m = 2 model beats predicting an empty board: " + learned.rows().get(row));
        }
    }

    private static void assertMetricsInRange(Table evaluation, int row) {
        String where = "evaluation row " + evaluation.rows().get(row);
        for (String metric : List.of("success", "board_exact", "cell_accuracy", "empty_board_exact",
                "empty_cell_accuracy")) {
            double value = evaluation.number(row, metric);
            assertTrue(value >= 0 && value <= 1, where + ": " + metric + " = " + value);
        }
        double success = evaluation.number(row, "success");
        assertTrue(success == (evaluation.number(row, "board_exact") == 1 ? 1 : 0), where);
        double loss = evaluation.number(row, "loss");
        assertTrue(Double.isFinite(loss) && loss >= 0, where + ": loss " + loss);
    }

    /**
     * The empty-board columns against a recount: the evaluation set (data.test-boards boards, batch 0 of the
     * evaluation stream of data.test-seed 0) drawn from the dataset service's class, run on by the test kit's
     * reference Game of Life instead of the bundle's engine.
     */
    private static void assertEmptyBaseline(Table evaluation, int row) {
        BoardShape shape = BoardShape.parse(evaluation.text(row, "size"));
        int steps = (int) evaluation.number(row, "steps");
        Game game = new Game(Rule.parse(evaluation.text(row, "rule")),
                Neighbourhood.parse(evaluation.text(row, "neighbourhood")),
                Boundary.parse(evaluation.text(row, "boundary")));
        float[] cells = new GolDataset().sample(new DataSpec(game, shape, Density.parse("0.5"), steps),
                BoardStream.evaluation(0), 0, TEST_BOARDS).cells(0);
        int emptyBoards = 0;
        int deadCells = 0;
        for (int[][] board : Life.run(game, Life.boards(cells, shape), steps)) {
            int live = Arrays.stream(board).flatMapToInt(Arrays::stream).sum();
            emptyBoards += live == 0 ? 1 : 0;
            deadCells += shape.cells() - live;
        }
        String where = "evaluation row " + evaluation.rows().get(row);
        assertEquals(emptyBoards / (double) TEST_BOARDS, evaluation.number(row, "empty_board_exact"), 1e-12, where);
        assertEquals(deadCells / (double) (TEST_BOARDS * shape.cells()), evaluation.number(row, "empty_cell_accuracy"),
                1e-12, where);
    }

    /** One row per width and size, each summarising that group's rows of evaluation.csv. */
    private static void assertSummaryTable(Table summary, Table evaluation) {
        assertEquals(SUMMARY_COLUMNS, summary.columns());
        assertEquals(2 * SIZES.size(), summary.rows().size());
        for (int row = 0; row < summary.rows().size(); row++) {
            String width = summary.text(row, "width");
            String size = summary.text(row, "size");
            Table group = evaluation.where("width", width::equals).where("size", size::equals);
            String where = "summary row " + summary.rows().get(row);
            assertEquals(2, group.rows().size());
            assertEquals(2, summary.number(row, "models"), where);
            double successes = mean(group, "success") * 2;
            assertEquals(successes, summary.number(row, "successes"), where);
            assertEquals(successes / 2, summary.number(row, "success_rate"), 1e-12, where);
            assertTrue(summary.number(row, "success_ci_low") >= 0
                    && summary.number(row, "success_ci_low") <= summary.number(row, "success_rate")
                    && summary.number(row, "success_rate") <= summary.number(row, "success_ci_high")
                    && summary.number(row, "success_ci_high") <= 1, where);
            assertEquals(mean(group, "board_exact"), summary.number(row, "mean_board_exact"), 1e-12, where);
            assertEquals(mean(group, "cell_accuracy"), summary.number(row, "mean_cell_accuracy"), 1e-12, where);
            assertEquals(mean(group, "loss"), summary.number(row, "mean_loss"), 1e-12, where);
            assertEquals(group.number(0, "empty_board_exact"), summary.number(row, "empty_board_exact"), 1e-12,
                    where);
        }
    }

    private static double mean(Table table, String column) {
        double sum = 0;
        for (int row = 0; row < table.rows().size(); row++) {
            sum += table.number(row, column);
        }
        return sum / table.rows().size();
    }

    private static void assertFigures(Path run) throws IOException {
        for (String figure : List.of("figure1", "figure2")) {
            BufferedImage png = ImageIO.read(run.resolve(figure + ".png").toFile());
            assertTrue(png != null && png.getWidth() > 0 && png.getHeight() > 0, figure + ".png decodes");
            String svg = Files.readString(run.resolve(figure + ".svg")).strip();
            assertTrue(svg.contains("<svg") && svg.endsWith("</svg>"), figure + ".svg is a complete SVG");
        }
    }

    private static List<String> concat(List<String> first, List<String> second) {
        List<String> all = new ArrayList<>(first);
        all.addAll(second);
        return List.copyOf(all);
    }
}
