package org.minima.launcher.pipeline;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.minima.api.Progress;
import org.minima.api.Table;
import org.minima.api.model.Model;
import org.minima.api.model.ModelSpec;
import org.minima.api.run.Experiment;
import org.minima.api.train.CurvePoint;
import org.minima.api.train.TrainedModel;
import org.minima.api.train.Trainer;
import org.minima.api.train.TrainingJob;
import org.minima.api.train.TrainingMonitor;
import org.minima.api.train.TrainingResult;
import org.minima.launcher.config.RunPlan;
import org.minima.launcher.folder.AtomicFiles;
import org.minima.launcher.folder.CsvTables;
import org.minima.launcher.folder.RunFolder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Trains every model of the grid, one per thread, and keeps each in {@code models/}: its training curve, a one-row
 * summary and, written last, the DL4J model file. A model whose file exists is finished: a resumed run loads it
 * instead of training it again. Writes {@code training.csv} and {@code curves.csv} for the whole grid.
 */
public final class TrainingStage {


    private static final Logger LOG = LoggerFactory.getLogger(TrainingStage.class);
    private static final long STOP_WAIT_SECONDS = 60;
    private static final List<String> SUMMARY_COLUMNS = List.of("architecture", "seconds", "samples",
            "samples_per_s", "final_loss");

    private final RunPlan plan;
    private final RunFolder folder;
    private final Cancellation cancellation;
    private final Model model;
    private final Trainer trainer;
    private final String architecture;

    TrainingStage(RunPlan plan, RunFolder folder, Cancellation cancellation) {
        this.plan = plan;
        this.folder = folder;
        this.cancellation = cancellation;
        this.model = plan.model().orElseThrow().service();
        this.architecture = plan.model().orElseThrow().name();
        this.trainer = plan.trainer().orElseThrow().service();
    }

    /** Trains what is missing and returns every model of the grid, in grid order. */
    List<TrainedModel> run() throws Exception {
        Experiment experiment = plan.experiment();
        List<GridPoint> points = GridPoint.all(experiment);
        Files.createDirectories(models());
        List<GridPoint> missing = points.stream().filter(p -> !Files.exists(modelFile(p))).toList();
        LOG.info("training: {} models in the grid, {} already finished, {} to train on {} threads",
                points.size(), points.size() - missing.size(), missing.size(), threads(missing.size()));
        if (!missing.isEmpty()) {
            trainAll(missing);
        }
        List<TrainedModel> trained = new ArrayList<>();
        for (GridPoint point : points) {
            trained.add(load(point));
        }
        writeTables(points);
        return trained;
    }

    private void trainAll(List<GridPoint> missing) throws Exception {
        long samplesPerModel = (long) plan.experiment().training().batches() * plan.experiment().training().batchSize();
        AtomicInteger done = new AtomicInteger();
        AtomicBoolean failed = new AtomicBoolean();
        AtomicInteger threadNumber = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(threads(missing.size()), runnable -> {
            Thread thread = new Thread(runnable, "minima-train-" + threadNumber.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        try (Progress progress = new ProgressLog("training samples", samplesPerModel * missing.size(), cancellation,
                plan.progressInterval())) {
            List<Future<?>> futures = new ArrayList<>();
            for (GridPoint point : missing) {
                futures.add(pool.submit(() -> {
                    try {
                        trainOne(point, progress, failed);
                    } catch (Exception | Error e) {
                        failed.set(true);
                        throw e;
                    }
                    LOG.info("training: model {}/{} finished: {}", done.incrementAndGet(), missing.size(),
                            point.id());
                    return null;
                }));
            }
            awaitAll(futures, failed);
        } finally {
            // the other models stop at their next batch; wait, so none is left half-written when the JVM exits
            pool.shutdown();
            pool.awaitTermination(STOP_WAIT_SECONDS, TimeUnit.SECONDS);
        }
    }

    private void trainOne(GridPoint point, Progress progress, AtomicBoolean failed) throws IOException {
        Experiment experiment = plan.experiment();
        ModelSpec spec = experiment.modelSpec(point.steps(), point.width());
        TrainingJob job = new TrainingJob(point.id(), model, spec, plan.dataset().service(),
                experiment.trainData(point.game(), point.density(), point.steps()), experiment.training(),
                point.seed(), model.initialise(spec, point.seed()), Set.of(), plan.trainer().orElseThrow().settings());
        TrainingResult result = trainer.train(job, monitor(progress, experiment.training().batchSize(), failed));
        writeCurve(point, result.curve());
        writeSummary(point, result);
        Path file = modelFile(point);
        AtomicFiles.write(file, tmp -> model.network(spec, result.parameters()).save(tmp));
        LOG.debug("{}: {} samples in {} s, final loss {}", point.id(), result.samples(), result.seconds(),
                finalLoss(result.curve()));
    }

    /** Reports progress; asks the trainer to stop on Ctrl-C or when another model has failed. */
    private TrainingMonitor monitor(Progress progress, int batchSize, AtomicBoolean failed) {
        return new TrainingMonitor() {
            @Override
            public void batchesDone(int batches) {
                progress.advance((long) batches * batchSize);
            }

            @Override
            public boolean cancelled() {
                return cancellation.requested() || failed.get();
            }
        };
    }

    private TrainedModel load(GridPoint point) throws IOException {
        Experiment experiment = plan.experiment();
        ModelSpec spec = experiment.modelSpec(point.steps(), point.width());
        return new TrainedModel(point.id(), architecture, spec,
                experiment.trainData(point.game(), point.density(), point.steps()), point.seed(),
                model.load(modelFile(point)).parameters());
    }

    private void writeCurve(GridPoint point, List<CurvePoint> curve) throws IOException {
        Table.Builder table = Table.builder("curve", List.of("batch", "loss"));
        curve.forEach(p -> table.row(p.batch(), p.loss()));
        CsvTables.write(table.build(), curveFile(point));
    }

    private void writeSummary(GridPoint point, TrainingResult result) throws IOException {
        Table summary = Table.builder("summary", SUMMARY_COLUMNS)
                .row(architecture, result.seconds(), result.samples(), result.samples() / result.seconds(),
                        finalLoss(result.curve()))
                .build();
        CsvTables.write(summary, summaryFile(point));
    }

    /** training.csv (one row per model) and curves.csv (one row per curve point), with the key columns. */
    private void writeTables(List<GridPoint> points) throws IOException {
        List<String> trainingColumns = new ArrayList<>(GridPoint.KEY_COLUMNS);
        trainingColumns.addAll(SUMMARY_COLUMNS);
        List<String> curveColumns = new ArrayList<>(GridPoint.KEY_COLUMNS);
        curveColumns.addAll(List.of("batch", "loss"));
        Table.Builder training = Table.builder(RunFolder.TRAINING_TABLE, trainingColumns);
        Table.Builder curves = Table.builder(RunFolder.CURVES_TABLE, curveColumns);
        for (GridPoint point : points) {
            Table summary = CsvTables.read("summary", summaryFile(point));
            training.row(merge(point.key(), summary, 0));
            Table curve = CsvTables.read("curve", curveFile(point));
            for (int row = 0; row < curve.rows().size(); row++) {
                curves.row(merge(point.key(), curve, row));
            }
        }
        folder.writeTable(training.build());
        folder.writeTable(curves.build());
    }

    private static Map<String, Object> merge(Map<String, Object> key, Table table, int row) {
        Map<String, Object> values = new LinkedHashMap<>(key);
        for (String column : table.columns()) {
            values.put(column, table.value(row, column));
        }
        return values;
    }

    private int threads(int models) {
        int configured = plan.core().getInt("run.threads");
        int threads = configured == 0 ? Runtime.getRuntime().availableProcessors() : configured;
        return Math.max(1, Math.min(threads, models));
    }

    private static void awaitAll(List<Future<?>> futures, AtomicBoolean failed) throws Exception {
        try {
            for (Future<?> future : futures) {
                future.get();
            }
        } catch (ExecutionException e) {
            failed.set(true);
            futures.forEach(f -> f.cancel(false));
            if (e.getCause() instanceof CancellationException cancelled) {
                throw cancelled;
            }
            throw e.getCause() instanceof Exception cause ? cause : e;
        }
    }

    private static double finalLoss(List<CurvePoint> curve) {
        return curve.isEmpty() ? Double.NaN : curve.get(curve.size() - 1).loss();
    }

    private Path models() {
        return folder.path().resolve(RunFolder.MODELS);
    }

    private Path modelFile(GridPoint point) {
        return models().resolve(point.id() + ".zip");
    }

    private Path curveFile(GridPoint point) {
        return models().resolve(point.id() + ".curve.csv");
    }

    private Path summaryFile(GridPoint point) {
        return models().resolve(point.id() + ".summary.csv");
    }
}
