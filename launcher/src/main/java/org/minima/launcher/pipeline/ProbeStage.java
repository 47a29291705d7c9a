package org.minima.launcher.pipeline;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.minima.api.Progress;
import org.minima.api.Table;
import org.minima.api.probe.LandscapeProbe;
import org.minima.api.train.TrainedModel;
import org.minima.launcher.config.Bound;
import org.minima.launcher.config.RunPlan;
import org.minima.launcher.folder.CsvTables;
import org.minima.launcher.folder.RunFolder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs each bound LandscapeProbe on every trained model, one model per thread. A model's rows are kept in
 * {@code probes/PROBE/MODEL.csv} as soon as they are computed, so a resumed run probes only the models not yet done
 * (rows made with other options are discarded first, see {@link ResumePolicy}); the probe's table gathers all of
 * them with the model's key columns in front.
 */
public final class ProbeStage {

    private static final Logger LOG = LoggerFactory.getLogger(ProbeStage.class);

    private final RunPlan plan;
    private final RunFolder folder;
    private final ResumePolicy resume;
    private final Cancellation cancellation;

    ProbeStage(RunPlan plan, RunFolder folder, ResumePolicy resume, Cancellation cancellation) {
        this.plan = plan;
        this.folder = folder;
        this.resume = resume;
        this.cancellation = cancellation;
    }

    void run(List<TrainedModel> models) throws Exception {
        for (Bound<LandscapeProbe> probe : plan.probes()) {
            Path dir = folder.path().resolve(RunFolder.PROBES).resolve(probe.name());
            if (!resume.keepOutputs(probe, ResumePolicy.rowFiles(dir))) {
                LOG.info("probe '{}': computing every model's rows with {}", probe.name(), probe.settings());
            }
            Files.createDirectories(dir);
            FolderRunContext context = new FolderRunContext(plan, folder, probe.settings(), models, cancellation);
            LOG.info("probe '{}': {}", probe.name(), probe.service().description());
            List<TrainedModel> todo = models.stream().filter(m -> !Files.exists(rows(dir, m))).toList();
            Workers workers = new Workers("probe", plan.core().getInt("run.threads"), todo.size());
            LOG.info("probe '{}': {} models, {} probed already, {} to probe on {} threads", probe.name(),
                    models.size(), models.size() - todo.size(), todo.size(), workers.threads());
            try (Progress progress = context.progress("probe " + probe.name(), todo.size())) {
                workers.run(todo, model -> {
                    CsvTables.write(probe.service().probe(model, context), rows(dir, model));
                    progress.advance(1);
                });
            }
            folder.writeTable(gather(probe, dir, models));
        }
    }

    private static Path rows(Path dir, TrainedModel model) {
        return dir.resolve(model.id() + ".csv");
    }

    private static Table gather(Bound<LandscapeProbe> probe, Path dir, List<TrainedModel> models)
            throws IOException {
        LandscapeProbe service = probe.service();
        ModelRows table = new ModelRows(service.table(), service.columns());
        for (TrainedModel model : models) {
            table.addAll(GridPoint.of(model), CsvTables.read(service.table(), rows(dir, model)),
                    "probe '" + probe.name() + "'");
        }
        return table.build();
    }
}
