package org.minima.launcher.pipeline;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.minima.api.Progress;
import org.minima.api.Table;
import org.minima.api.data.BoardShape;
import org.minima.api.data.BoardStream;
import org.minima.api.data.Boards;
import org.minima.api.data.DataSpec;
import org.minima.api.eval.Evaluator;
import org.minima.api.run.Experiment;
import org.minima.api.train.TrainedModel;
import org.minima.launcher.config.Bound;
import org.minima.launcher.config.RunPlan;
import org.minima.launcher.folder.CsvTables;
import org.minima.launcher.folder.RunFolder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Scores every trained model on fixed evaluation sets — {@code data.test-boards} boards, batch 0 of the evaluation
 * stream of {@code data.test-seed}, the same boards for every model of a game, density and step count — at the test
 * size and at the training size. Evaluation streams never share boards with training streams, whatever the seeds.
 * Each model's rows are kept per evaluator bundle version and options, so a resumed run, or a shard, scores only the
 * models not yet scored; then {@code evaluation.csv} (one row per model and size) and {@code summary.csv} (one row
 * per architecture, initializer, game, density, n, m and size, summarised over seeds by the evaluator) are gathered
 * from them.
 */
public final class EvaluationStage {

    static final List<String> GROUP_BY = List.of("architecture", "init", "rule", "neighbourhood", "boundary",
            "density", "steps", "width", "size");

    private static final Logger LOG = LoggerFactory.getLogger(EvaluationStage.class);

    private final RunPlan plan;
    private final RunFolder folder;
    private final Cancellation cancellation;
    private final Quarantine quarantine;
    private final Map<DataSpec, Boards> evaluationSets = new HashMap<>();

    EvaluationStage(RunPlan plan, RunFolder folder, Cancellation cancellation, Quarantine quarantine) {
        this.quarantine = quarantine;
        this.plan = plan;
        this.folder = folder;
        this.cancellation = cancellation;
    }

    /**
     * Scores the models not scored yet by this evaluator bundle and options, keeping each model's rows in
     * {@code evaluator/NAME/KEY/ID.csv}; when {@code gather} is set, writes the run's tables from those rows.
     */
    void run(List<TrainedModel> models, boolean gather) throws Exception {
        Bound<Evaluator> evaluator = plan.evaluator().orElseThrow();
        Path dir = Files.createDirectories(folder.path().resolve(evaluator.outputFolder()));
        List<TrainedModel> todo = quarantine.withoutRows(models, dir, new ModelRows(RunFolder.EVALUATION_TABLE,
                columns(evaluator.service())));
        Experiment experiment = plan.experiment();
        Set<BoardShape> shapes = new LinkedHashSet<>(List.of(experiment.testShape(), experiment.trainShape()));
        LOG.info("evaluation: {} models, {} scored already by this evaluator and its options, {} to score",
                models.size(), models.size() - todo.size(), todo.size());
        try (Progress progress = new ProgressLog("evaluation", (long) todo.size() * shapes.size(), cancellation,
                plan.progressInterval())) {
            for (TrainedModel trained : todo) {
                CsvTables.write(score(trained, shapes, evaluator.service(), progress), ModelRows.file(dir, trained));
            }
        }
        if (gather) {
            gather(models, evaluator, dir);
        }
    }

    private Table score(TrainedModel trained, Set<BoardShape> shapes, Evaluator evaluator, Progress progress) {
        var network = plan.model().orElseThrow().service().network(trained.modelSpec(), trained.parameters());
        Table.Builder rows = Table.builder(RunFolder.EVALUATION_TABLE, columns(evaluator));
        for (BoardShape shape : shapes) {
            Boards boards = evaluationSet(trained.data().withShape(shape));
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("size", shape.toString());
            row.putAll(evaluator.evaluate(network, boards));
            rows.row(row);
            progress.advance(1);
        }
        return rows.build();
    }

    private void gather(List<TrainedModel> models, Bound<Evaluator> evaluator, Path dir) throws IOException {
        ModelRows table = new ModelRows(RunFolder.EVALUATION_TABLE, columns(evaluator.service()));
        for (TrainedModel trained : models) {
            table.addAll(GridPoint.of(trained), ModelRows.file(dir, trained));
        }
        Table evaluation = table.build();
        folder.writeTable(evaluation);
        folder.writeTable(evaluator.service().summarise(evaluation, GROUP_BY, RunFolder.SUMMARY_TABLE));
        folder.recordOutput(RunFolder.EVALUATION_TABLE + ".csv", evaluator);
        folder.recordOutput(RunFolder.SUMMARY_TABLE + ".csv", evaluator);
        LOG.info("evaluation: wrote {} and {}", folder.path().resolve(RunFolder.EVALUATION_TABLE + ".csv"),
                folder.path().resolve(RunFolder.SUMMARY_TABLE + ".csv"));
    }

    private static List<String> columns(Evaluator evaluator) {
        List<String> columns = new ArrayList<>(List.of("size"));
        columns.addAll(evaluator.metrics());
        return columns;
    }


    private Boards evaluationSet(DataSpec spec) {
        Experiment experiment = plan.experiment();
        return evaluationSets.computeIfAbsent(spec, s -> plan.dataset().service().sample(s,
                BoardStream.evaluation(experiment.testSeed()), 0, experiment.testBoards()));
    }
}
