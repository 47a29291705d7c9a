package org.minima.launcher.pipeline;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

import org.minima.api.Progress;
import org.minima.api.Settings;
import org.minima.api.Table;
import org.minima.api.data.DataSpec;
import org.minima.api.data.Dataset;
import org.minima.api.model.Model;
import org.minima.api.model.ModelSpec;
import org.minima.api.model.ParameterVector;
import org.minima.api.model.Solutions;
import org.minima.api.run.Experiment;
import org.minima.api.run.RunContext;
import org.minima.api.train.TrainedModel;
import org.minima.api.train.Trainer;
import org.minima.api.train.TrainingJob;
import org.minima.api.train.TrainingMonitor;
import org.minima.api.train.TrainingSpec;
import org.minima.launcher.config.Bound;
import org.minima.launcher.config.PlannedStudy;
import org.minima.launcher.config.RunPlan;
import org.minima.launcher.folder.AtomicFiles;
import org.minima.launcher.folder.RunFolder;

/**
 * The {@link RunContext} of one plugin call: the run's plan and folder, seen with that plugin's settings. Every table
 * and file the plugin writes is recorded with the plugin's bundle and options, and kept apart per bundle version and
 * options ({@link RunFolder#recordOutput}).
 */
public final class FolderRunContext implements RunContext {

    private final RunPlan plan;
    private final PlannedStudy study;
    private final RunFolder folder;
    private final List<TrainedModel> trainedModels;
    private final Cancellation cancellation;
    private final Bound<?> caller;
    /** The tables the plugin asked for or about, so a later run can tell whether its inputs changed. */
    private final Set<String> consulted = ConcurrentHashMap.newKeySet();

    FolderRunContext(RunPlan plan, RunFolder folder, Bound<?> caller, List<TrainedModel> trainedModels,
                     Cancellation cancellation) {
        this.plan = plan;
        this.caller = caller;
        this.study = plan.study(caller.settings());
        this.folder = folder;
        this.trainedModels = List.copyOf(trainedModels);
        this.cancellation = cancellation;
    }

    /** The tables the plugin read or asked about so far, in name order. */
    Set<String> consultedTables() {
        return new TreeSet<>(consulted);
    }

    @Override
    public String runId() {
        return folder.runId();
    }

    @Override
    public Path folder() {
        return folder.path();
    }

    @Override
    public Experiment experiment() {
        return study.experiment();
    }

    @Override
    public Settings settings() {
        return study.settings();
    }

    @Override
    public Dataset dataset() {
        return study.dataset();
    }

    @Override
    public Optional<Model> model() {
        return study.model();
    }

    @Override
    public Optional<Solutions> solutions() {
        return study.solutions();
    }

    @Override
    public List<TrainedModel> trainedModels() {
        return trainedModels;
    }

    @Override
    public ParameterVector train(ModelSpec spec, DataSpec data, ParameterVector start, int batches, long seed) {
        Bound<Trainer> trainer = plan.trainer().orElseThrow(() -> new IllegalStateException(
                "this run binds no trainer, so nothing can be trained further"));
        Model model = model().orElseThrow(() -> new IllegalStateException("this run binds no model"));
        TrainingSpec protocol = plan.experiment().training();
        TrainingJob job = new TrainingJob("further-" + data.steps() + "-" + spec.width() + "-s" + seed, model, spec,
                dataset(), data, new TrainingSpec(protocol.optimizer(), batches, protocol.batchSize(),
                protocol.curveEvery()), seed, start, Set.of(), trainer.settings());
        return trainer.service().train(job, new TrainingMonitor() {
            @Override
            public void batchesDone(int done) {
                // the probe counts its models, not these batches
            }

            @Override
            public boolean cancelled() {
                return cancellation.requested();
            }
        }).parameters();
    }

    @Override
    public Progress progress(String task, long total) {
        return new ProgressLog(task, total, cancellation, plan.progressInterval());
    }

    @Override
    public boolean hasTable(String name) {
        consulted.add(name);
        return folder.hasTable(name);
    }

    @Override
    public Table readTable(String name) throws IOException {
        consulted.add(name);
        return folder.readTable(name);
    }

    @Override
    public void writeTable(Table table) throws IOException {
        cancellation.check();
        folder.writeTable(table);
        folder.recordOutput(table.name() + ".csv", caller);
    }

    @Override
    public void writeFile(String fileName, FileWriter writer) throws IOException {
        cancellation.check();
        AtomicFiles.write(folder.file(fileName), writer);
        folder.recordOutput(fileName, caller);
    }
}
