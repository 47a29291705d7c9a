package org.minima.launcher.pipeline;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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
 * Runs each bound LandscapeProbe on every trained model. A model's rows are kept in
 * {@code probes/PROBE/MODEL.csv} as soon as they are computed, so a resumed run probes only the models not yet done;
 * the probe's table gathers all of them with the model's key columns in front.
 */
public final class ProbeStage {

    private static final Logger LOG = LoggerFactory.getLogger(ProbeStage.class);

    private final RunPlan plan;
    private final RunFolder folder;
    private final Cancellation cancellation;

    ProbeStage(RunPlan plan, RunFolder folder, Cancellation cancellation) {
        this.plan = plan;
        this.folder = folder;
        this.cancellation = cancellation;
    }

    void run(List<TrainedModel> models) throws Exception {
        for (Bound<LandscapeProbe> probe : plan.probes()) {
            Path dir = folder.path().resolve(RunFolder.PROBES).resolve(probe.name());
            Files.createDirectories(dir);
            FolderRunContext context = new FolderRunContext(plan, folder, probe.settings(), models, cancellation);
            LOG.info("probe '{}': {}", probe.name(), probe.service().description());
            try (Progress progress = context.progress("probe " + probe.name(), models.size())) {
                for (TrainedModel model : models) {
                    Path file = dir.resolve(model.id() + ".csv");
                    if (!Files.exists(file)) {
                        CsvTables.write(probe.service().probe(model, context), file);
                    }
                    progress.advance(1);
                }
            }
            folder.writeTable(gather(probe.service().table(), dir, models));
        }
    }

    private static Table gather(String name, Path dir, List<TrainedModel> models) throws IOException {
        Table.Builder builder = null;
        for (TrainedModel model : models) {
            Table rows = CsvTables.read(name, dir.resolve(model.id() + ".csv"));
            if (builder == null) {
                List<String> columns = new ArrayList<>(GridPoint.KEY_COLUMNS);
                columns.add("architecture");
                columns.addAll(rows.columns());
                builder = Table.builder(name, columns);
            }
            for (int row = 0; row < rows.rows().size(); row++) {
                Map<String, Object> values = new LinkedHashMap<>(GridPoint.of(model).key());
                values.put("architecture", model.architecture());
                for (String column : rows.columns()) {
                    values.put(column, rows.value(row, column));
                }
                builder.row(values);
            }
        }
        return builder == null ? Table.builder(name, GridPoint.KEY_COLUMNS).build() : builder.build();
    }
}
