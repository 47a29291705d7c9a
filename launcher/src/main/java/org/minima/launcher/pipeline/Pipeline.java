package org.minima.launcher.pipeline;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import org.minima.api.Plugin;
import org.minima.api.run.Analysis;
import org.minima.api.run.Plot;
import org.minima.api.train.TrainedModel;
import org.minima.launcher.config.Bound;
import org.minima.launcher.config.InputError;
import org.minima.launcher.config.RunPlan;
import org.minima.launcher.folder.RunFolder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a plan's stages in order — training, evaluation, probes, analyses, then plots — in its run folder. Every stage
 * writes atomically and a resumed run skips what is already complete.
 */
public final class Pipeline {

    private static final Logger LOG = LoggerFactory.getLogger(Pipeline.class);

    private final RunPlan plan;
    private final RunFolder folder;
    private final Cancellation cancellation;
    private final ResumePolicy resume;
    private final Shard shard;
    private final Quarantine quarantine;

    /** The whole plan. */
    public Pipeline(RunPlan plan, RunFolder folder, Cancellation cancellation) {
        this(plan, folder, cancellation, Shard.WHOLE, false);
    }

    /**
     * One shard of the plan: its models are trained, evaluated and probed, each unit kept in its own files; the
     * tables, analyses and plots of the run are left to {@code minima merge}, which runs the whole plan on them.
     * With {@code redoDamaged}, finished units whose files are damaged are moved into damaged/ and done again
     * ({@link Quarantine}).
     */
    public Pipeline(RunPlan plan, RunFolder folder, Cancellation cancellation, Shard shard, boolean redoDamaged) {
        this.quarantine = redoDamaged ? Quarantine.on(folder) : Quarantine.OFF;
        this.plan = plan;
        this.folder = folder;
        this.cancellation = cancellation;
        this.resume = new ResumePolicy(folder);
        this.shard = shard;
    }

    public void run() throws Exception {
        boolean whole = shard.isWhole();
        List<TrainedModel> models = plan.trainer().isPresent()
                ? new TrainingStage(plan, folder, cancellation, quarantine).run(points(), whole) : List.of();
        if (plan.evaluator().isPresent()) {
            cancellation.check();
            new EvaluationStage(plan, folder, cancellation, quarantine).run(models, whole);
        }
        if (!plan.probes().isEmpty()) {
            new ProbeStage(plan, folder, cancellation, quarantine).run(models, whole);
        }
        if (!whole) {
            LOG.info("shard {}: {} models trained, evaluated and probed; ./minima merge {} gathers the run once "
                    + "every shard is done", shard, models.size(), folder.path());
            return;
        }
        for (Bound<Analysis> analysis : plan.analyses()) {
            runAnalysis(analysis, models);
        }
        for (Bound<Plot> plot : plan.plots()) {
            draw(plot, models);
        }
    }

    /**
     * Runs the plan's probes alone on the run's finished models, then the plots that draw only from their tables: no
     * training, evaluation, analysis or other figure. A model whose file is missing or unreadable is named and
     * skipped; the others are probed, then the run fails naming it.
     */
    public void probe() throws Exception {
        Set<String> probeTables = plan.probes().stream().map(p -> p.service().table()).collect(Collectors.toSet());
        onFinishedModels(false, plot -> probeTables.containsAll(plot.service().tables()));
    }

    /**
     * Runs the plan's probes, analyses and plots on the run's finished models, training and evaluating nothing:
     * what serve mode does when a bundle brings one of them. Unloadable models are handled as by {@link #probe()}.
     */
    public void analyse() throws Exception {
        onFinishedModels(true, plot -> true);
    }

    private void onFinishedModels(boolean analyses, Predicate<Bound<Plot>> drawn) throws Exception {
        List<String> unloadable = new ArrayList<>();
        List<TrainedModel> models = new TrainingStage(plan, folder, cancellation, quarantine).finished(unloadable);
        unloadable.forEach(problem -> LOG.warn("skipping a model: {}", problem));
        if (!plan.probes().isEmpty()) {
            new ProbeStage(plan, folder, cancellation, quarantine).run(models, true);
        }
        if (analyses) {
            for (Bound<Analysis> analysis : plan.analyses()) {
                runAnalysis(analysis, models);
            }
        }
        for (Bound<Plot> plot : plan.plots()) {
            if (drawn.test(plot)) {
                draw(plot, models);
            }
        }
        if (!unloadable.isEmpty()) {
            throw new InputError(unloadable.size() + " model(s) could not be loaded and were skipped (named above); "
                    + "the " + models.size() + " others were probed");
        }
    }

    /** The models of this pipeline's shard, in grid order. */
    private List<GridPoint> points() {
        if (shard.isWhole()) {
            return GridPoint.all(plan.experiment(), plan.model().orElseThrow().name());
        }
        return ShardAssignment.of(plan, shard.count()).points(shard);
    }

    private void runAnalysis(Bound<Analysis> analysis, List<TrainedModel> models) throws Exception {
        cancellation.check();
        List<String> tables = analysis.service().tables();
        if (resume.analysed(analysis)) {
            LOG.info("analysis '{}': tables {} already complete, skipped", analysis.name(), tables);
            return;
        }
        LOG.info("analysis '{}': {}", analysis.name(), analysis.service().description());
        FolderRunContext context = context(analysis, models);
        analysis.service().run(context);
        resume.recordInputs(analysis, context.consultedTables());
        LOG.info("analysis '{}': wrote {}", analysis.name(), files(tables, ".csv"));
    }

    private void draw(Bound<Plot> plot, List<TrainedModel> models) throws Exception {
        cancellation.check();
        LOG.info("plot '{}': {}", plot.name(), plot.service().description());
        plot.service().draw(context(plot, models));
    }

    private FolderRunContext context(Bound<? extends Plugin> bound, List<TrainedModel> models) {
        return new FolderRunContext(plan, folder, bound, models, cancellation);
    }

    private String files(List<String> tables, String suffix) {
        return tables.stream().map(t -> folder.path().resolve(t + suffix).toString()).toList().toString();
    }
}
