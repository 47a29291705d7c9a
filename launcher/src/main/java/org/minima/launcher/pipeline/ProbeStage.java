package org.minima.launcher.pipeline;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.stream.Stream;

import org.minima.api.Progress;
import org.minima.api.Table;
import org.minima.api.probe.LandscapeProbe;
import org.minima.api.train.TrainedModel;
import org.minima.launcher.config.Bound;
import org.minima.launcher.config.InputError;
import org.minima.launcher.config.RunPlan;
import org.minima.launcher.folder.CsvTables;
import org.minima.launcher.folder.RunFolder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs each bound LandscapeProbe on every trained model, one model per thread. A model's rows are kept in
 * {@code probes/PROBE/KEY/MODEL.csv} as soon as they are computed, where KEY ({@link Bound#outputKey()}) changes with
 * the probe's bundle version, jar and options: a resumed run probes only the models not yet done by this very
 * bundle and options, and rows made otherwise stay apart in their own folders, never mixed in. The probe's table
 * gathers the rows with the model's key columns in front, as the run folder's current {@code TABLE.csv} and beside
 * the rows ({@link RunFolder#recordOutput}).
 */
public final class ProbeStage {

    private static final Logger LOG = LoggerFactory.getLogger(ProbeStage.class);

    private final RunPlan plan;
    private final RunFolder folder;
    private final Cancellation cancellation;
    private final Quarantine quarantine;

    ProbeStage(RunPlan plan, RunFolder folder, Cancellation cancellation, Quarantine quarantine) {
        this.quarantine = quarantine;
        this.plan = plan;
        this.folder = folder;
        this.cancellation = cancellation;
    }

    private static Table probeOne(Bound<LandscapeProbe> probe, TrainedModel model, FolderRunContext context)
            throws Exception {
        try {
            return probe.service().probe(model, context);
        } catch (CancellationException | InputError e) {
            throw e;
        } catch (RuntimeException e) {
            throw ServiceFailure.of("probe '" + probe.name() + "'", model.id(), e);
        }
    }

    /** Probes the models not probed yet; when {@code gather} is set, writes each probe's table from the rows. */
    void run(List<TrainedModel> models, boolean gather) throws Exception {
        for (Bound<LandscapeProbe> probe : plan.probes()) {
            run(probe, models, gather);
        }
    }

    private void run(Bound<LandscapeProbe> probe, List<TrainedModel> models, boolean gather) throws Exception {
        Path dir = folder.path().resolve(probe.outputFolder());
        logOtherOutputs(probe, dir);
        Files.createDirectories(dir);
        RunFolder.writeJson(dir.resolve(RunFolder.PROVENANCE), probe.provenance());
        FolderRunContext context = new FolderRunContext(plan, folder, probe, models, cancellation);
        LOG.info("probe '{}' of {}: {}", probe.name(), probe.origin(), probe.service().description());
        List<TrainedModel> todo = quarantine.withoutRows(models, dir, new ModelRows(probe.service().table(),
                probe.service().columns()));
        Workers workers = new Workers("probe", plan.core().getInt("run.threads"), todo.size());
        LOG.info("probe '{}': {} models, {} probed already by this bundle and these options, {} to probe on {} "
                + "threads, rows in {}", probe.name(), models.size(), models.size() - todo.size(), todo.size(),
                workers.threads(), probe.outputFolder());
        try (Progress progress = context.progress("probe " + probe.name(), todo.size())) {
            workers.run(todo, model -> {
                CsvTables.write(probeOne(probe, model, context), ModelRows.file(dir, model));
                progress.advance(1);
            });
        }
        if (gather) {
            Table table = gather(probe, dir, models);
            folder.writeTable(table);
            folder.recordOutput(table.name() + ".csv", probe);
        }
    }

    /** Says where the outputs of the probe's other bundle versions or options are, which this run leaves alone. */
    private void logOtherOutputs(Bound<LandscapeProbe> probe, Path dir) throws IOException {
        Path parent = dir.getParent();
        if (!Files.isDirectory(parent)) {
            return;
        }
        try (Stream<Path> keys = Files.list(parent)) {
            List<String> others = keys.filter(Files::isDirectory).filter(key -> !key.equals(dir))
                    .map(key -> key.getFileName().toString()).sorted().toList();
            if (!others.isEmpty()) {
                LOG.info("probe '{}': rows made by other bundle versions or options stay apart in {}/{}",
                        probe.name(), folder.path().relativize(dir.getParent()), others);
            }
        }
    }


    private static Table gather(Bound<LandscapeProbe> probe, Path dir, List<TrainedModel> models)
            throws IOException {
        LandscapeProbe service = probe.service();
        ModelRows table = new ModelRows(service.table(), service.columns());
        for (TrainedModel model : models) {
            table.addAll(GridPoint.of(model), ModelRows.file(dir, model));
        }
        return table.build();
    }
}
