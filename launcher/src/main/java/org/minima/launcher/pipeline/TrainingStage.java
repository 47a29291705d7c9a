package org.minima.launcher.pipeline;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.minima.api.Progress;
import org.minima.api.init.InitRequest;
import org.minima.api.init.Initialization;
import org.minima.api.init.Initializer;
import org.minima.api.model.Model;
import org.minima.api.model.ModelSpec;
import org.minima.api.model.ParameterLayout;
import org.minima.api.run.Experiment;
import org.minima.api.train.CurvePoint;
import org.minima.api.train.TrainedModel;
import org.minima.api.train.Trainer;
import org.minima.api.train.TrainingJob;
import org.minima.api.train.TrainingMonitor;
import org.minima.api.train.TrainingResult;
import org.minima.launcher.config.Bound;
import org.minima.launcher.config.RunPlan;
import org.minima.launcher.folder.DamagedFile;
import org.minima.launcher.folder.RunFolder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Trains every model of the grid, one per thread: each starts where its initializer says, with the blocks it names
 * frozen, and is kept in {@code models/} ({@link ModelFiles}). A finished model is loaded, not trained again, when a
 * run resumes. Writes {@code training.csv} and {@code curves.csv} for the whole grid.
 */
public final class TrainingStage {

    private static final Logger LOG = LoggerFactory.getLogger(TrainingStage.class);

    private final RunPlan plan;
    private final Cancellation cancellation;
    private final Quarantine quarantine;
    private final Model model;
    private final Trainer trainer;
    private final ModelFiles files;

    TrainingStage(RunPlan plan, RunFolder folder, Cancellation cancellation, Quarantine quarantine) throws IOException {
        this.quarantine = quarantine;
        this.plan = plan;
        this.cancellation = cancellation;
        this.model = plan.model().orElseThrow().service();
        this.trainer = plan.trainer().orElseThrow().service();
        this.files = new ModelFiles(folder, plan.experiment(), model);
    }

    /**
     * Trains what is missing of {@code points} and returns their models, in order; when {@code gather} is set, writes
     * the run's training tables for them.
     */
    List<TrainedModel> run(List<GridPoint> points, boolean gather) throws Exception {
        List<GridPoint> missing = new ArrayList<>();
        for (GridPoint point : points) {
            if (quarantine.toDo(files.unitFiles(point), () -> files.check(point))) {
                missing.add(point);
            }
        }
        Workers workers = new Workers("train", plan.core().getInt("run.threads"), missing.size());
        LOG.info("training: {} models in the grid, {} already finished, {} to train on {} threads",
                points.size(), points.size() - missing.size(), missing.size(), workers.threads());
        if (!missing.isEmpty()) {
            trainAll(missing, workers);
        }
        List<TrainedModel> trained = new ArrayList<>();
        for (GridPoint point : points) {
            trained.add(files.load(point));
        }
        if (gather) {
            files.writeTables(points);
        }
        return trained;
    }

    /**
     * The finished models of the grid, loaded without training anything. A model whose file is missing or cannot be
     * read is left out, with a line naming its file in {@code unloadable}.
     */
    List<TrainedModel> finished(List<String> unloadable) {
        List<TrainedModel> models = new ArrayList<>();
        for (GridPoint point : GridPoint.all(plan.experiment(), plan.model().orElseThrow().name())) {
            if (!files.finished(point)) {
                unloadable.add(files.modelFile(point) + " does not exist: the model was never trained (finish the "
                        + "run with ./minima run --resume)");
                continue;
            }
            try {
                models.add(files.load(point));
            } catch (DamagedFile e) {
                unloadable.add(e.getMessage());
            }
        }
        return models;
    }

    private void trainAll(List<GridPoint> missing, Workers workers) throws Exception {
        long samplesPerModel = (long) plan.experiment().training().batches() * plan.experiment().training().batchSize();
        AtomicInteger done = new AtomicInteger();
        try (Progress progress = new ProgressLog("training samples", samplesPerModel * missing.size(), cancellation,
                plan.progressInterval())) {
            workers.run(missing, point -> {
                trainOne(point, progress, workers);
                LOG.info("training: model {}/{} finished: {}", done.incrementAndGet(), missing.size(), point.id());
            });
        }
    }

    private void trainOne(GridPoint point, Progress progress, Workers workers) throws IOException {
        Experiment experiment = plan.experiment();
        ModelSpec spec = point.modelSpec(experiment);
        Bound<Initializer> init = plan.init(point.init());
        Initialization start = initialise(point, spec, init);
        TrainingJob job = new TrainingJob(point.id(), model, spec, plan.dataset().service(),
                experiment.trainData(point.game(), point.density(), point.steps()), experiment.training(),
                point.seed(), start.parameters(), start.frozenBlocks(), plan.trainer().orElseThrow().settings());
        TrainingResult result = trainer.train(job, monitor(progress, experiment.training().batchSize(), workers));
        files.writeCurve(point, result.curve());
        files.writeSummary(point, result.seconds(), result.samples(), result.samples() / result.seconds(),
                finalLoss(result.curve()), ModelFiles.describe(init.settings().rawValues()),
                String.join(";", start.frozenBlocks().stream().sorted().map(String::valueOf).toList()));
        files.writeModel(point, spec, result.parameters());
        LOG.debug("{}: {} samples in {} s, final loss {}", point.id(), result.samples(), result.seconds(),
                finalLoss(result.curve()));
    }

    /** The model's start, from its initializer, checked against its layout. */
    private Initialization initialise(GridPoint point, ModelSpec spec, Bound<Initializer> init) {
        ParameterLayout layout = model.layout(spec);
        Initialization start = init.service().initialise(new InitRequest(spec, layout, point.seed(), point.game(),
                plan.solutions().map(Bound::service), init.settings()));
        try {
            start.requireFits(layout);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("initializer '" + init.name() + "' gave model " + point.id()
                    + " a start that does not fit its network: " + e.getMessage(), e);
        }
        LOG.debug("{}: started by {} with {}, frozen blocks {}", point.id(), init.name(), init.settings(),
                start.frozenBlocks());
        return start;
    }

    /** Reports progress; asks the trainer to stop on Ctrl-C or when another model has failed. */
    private TrainingMonitor monitor(Progress progress, int batchSize, Workers workers) {
        return new TrainingMonitor() {
            @Override
            public void batchesDone(int batches) {
                progress.advance((long) batches * batchSize);
            }

            @Override
            public boolean cancelled() {
                return cancellation.requested() || workers.failed();
            }
        };
    }

    private static double finalLoss(List<CurvePoint> curve) {
        return curve.isEmpty() ? Double.NaN : curve.get(curve.size() - 1).loss();
    }
}
