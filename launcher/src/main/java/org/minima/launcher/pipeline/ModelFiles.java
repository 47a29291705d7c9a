package org.minima.launcher.pipeline;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.minima.api.Table;
import org.minima.api.model.Model;
import org.minima.api.model.ModelSpec;
import org.minima.api.model.ParameterVector;
import org.minima.api.run.Experiment;
import org.minima.api.train.CurvePoint;
import org.minima.api.train.TrainedModel;
import org.minima.launcher.folder.AtomicFiles;
import org.minima.launcher.folder.CsvTables;
import org.minima.launcher.folder.DamagedFile;
import org.minima.launcher.folder.RunFolder;

/**
 * A run's {@code models/} folder: per model its training curve ({@code ID.curve.csv}), a one-row summary
 * ({@code ID.summary.csv}) and, written last, the model file ({@code ID.zip}). A model whose file exists is finished.
 * Gathers {@code training.csv} and {@code curves.csv} from them.
 */
final class ModelFiles {

    /** The columns of a model's summary, and of training.csv after the key columns. */
    static final List<String> SUMMARY_COLUMNS = List.of("seconds", "samples", "samples_per_s", "final_loss",
            "init_options", "frozen_blocks");
    private static final List<String> CURVE_COLUMNS = List.of("batch", "loss");

    private final RunFolder folder;
    private final Experiment experiment;
    private final Model model;

    ModelFiles(RunFolder folder, Experiment experiment, Model model) throws IOException {
        this.folder = folder;
        this.experiment = experiment;
        this.model = model;
        Files.createDirectories(dir());
    }

    /** Whether the model of {@code point} is finished: its file exists. */
    boolean finished(GridPoint point) {
        return Files.exists(modelFile(point));
    }

    void writeCurve(GridPoint point, List<CurvePoint> curve) throws IOException {
        Table.Builder table = Table.builder("curve", CURVE_COLUMNS);
        curve.forEach(p -> table.row(p.batch(), p.loss()));
        CsvTables.write(table.build(), curveFile(point));
    }

    /** Writes the summary, values in {@link #SUMMARY_COLUMNS} order. */
    void writeSummary(GridPoint point, Object... values) throws IOException {
        CsvTables.write(Table.builder("summary", SUMMARY_COLUMNS).row(values).build(), summaryFile(point));
    }

    /** Writes the model file last, atomically: from then on the model is finished. */
    void writeModel(GridPoint point, ModelSpec spec, ParameterVector parameters) throws IOException {
        AtomicFiles.write(modelFile(point), tmp -> model.network(spec, parameters).save(tmp));
    }

    /**
     * The finished model of {@code point}.
     *
     * @throws DamagedFile when its file does not load
     */
    TrainedModel load(GridPoint point) {
        ModelSpec spec = point.modelSpec(experiment);
        ParameterVector parameters;
        try {
            parameters = model.load(modelFile(point)).parameters();
        } catch (IOException | RuntimeException e) {
            throw new DamagedFile(modelFile(point), "it does not load as a model (" + e.getMessage() + ")",
                    DamagedFile.REDO);
        }
        return new TrainedModel(point.id(), point.architecture(), point.init(), spec,
                experiment.trainData(point.game(), point.density(), point.steps()), point.seed(), parameters);
    }

    /** The files of the model of {@code point}, its model file first (which marks it finished). */
    List<Path> unitFiles(GridPoint point) {
        return List.of(modelFile(point), curveFile(point), summaryFile(point));
    }

    /**
     * Reads every file of the model of {@code point}.
     *
     * @throws DamagedFile when one of them is damaged
     */
    void check(GridPoint point) throws IOException {
        load(point);
        new ModelRows(RunFolder.TRAINING_TABLE, SUMMARY_COLUMNS).read(summaryFile(point));
        new ModelRows(RunFolder.CURVES_TABLE, CURVE_COLUMNS).read(curveFile(point));
    }

    /** training.csv (one row per model) and curves.csv (one row per curve point), with the key columns. */
    void writeTables(List<GridPoint> points) throws IOException {
        ModelRows training = new ModelRows(RunFolder.TRAINING_TABLE, SUMMARY_COLUMNS);
        ModelRows curves = new ModelRows(RunFolder.CURVES_TABLE, CURVE_COLUMNS);
        for (GridPoint point : points) {
            training.addAll(point, summaryFile(point));
            curves.addAll(point, curveFile(point));
        }
        folder.writeTable(training.build());
        folder.writeTable(curves.build());
    }

    /** Options in profile syntax, in key order: {@code key=value; key=value}. */
    static String describe(Map<String, String> options) {
        return String.join("; ", new TreeMap<>(options).entrySet().stream()
                .map(e -> e.getKey() + "=" + e.getValue()).toList());
    }

    private Path dir() {
        return folder.path().resolve(RunFolder.MODELS);
    }

    /** The model file of {@code point}. */
    Path modelFile(GridPoint point) {
        return dir().resolve(point.id() + ".zip");
    }

    private Path curveFile(GridPoint point) {
        return dir().resolve(point.id() + ".curve.csv");
    }

    private Path summaryFile(GridPoint point) {
        return dir().resolve(point.id() + ".summary.csv");
    }
}
