package org.minima.launcher.pipeline;

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
import org.minima.api.model.Model;
import org.minima.api.run.Experiment;
import org.minima.api.train.TrainedModel;
import org.minima.launcher.config.RunPlan;
import org.minima.launcher.folder.RunFolder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Scores every trained model on fixed evaluation sets — {@code data.test-boards} boards, batch 0 of the evaluation
 * stream of {@code data.test-seed}, the same boards for every model of a game, density and step count — at the test
 * size and at the training size. Evaluation streams never share boards with training streams, whatever the seeds.
 * Writes {@code evaluation.csv} (one row per model and size) and {@code summary.csv} (one row per architecture,
 * initializer, game, density, n, m and size, summarised over seeds by the evaluator).
 */
public final class EvaluationStage {

    static final List<String> GROUP_BY = List.of("architecture", "init", "rule", "neighbourhood", "boundary",
            "density", "steps", "width", "size");

    private static final Logger LOG = LoggerFactory.getLogger(EvaluationStage.class);

    private final RunPlan plan;
    private final RunFolder folder;
    private final Cancellation cancellation;
    private final Map<DataSpec, Boards> evaluationSets = new HashMap<>();

    EvaluationStage(RunPlan plan, RunFolder folder, Cancellation cancellation) {
        this.plan = plan;
        this.folder = folder;
        this.cancellation = cancellation;
    }

    void run(List<TrainedModel> models) throws Exception {
        Evaluator evaluator = plan.evaluator().orElseThrow().service();
        Model model = plan.model().orElseThrow().service();
        Experiment experiment = plan.experiment();
        Set<BoardShape> shapes = new LinkedHashSet<>(List.of(experiment.testShape(), experiment.trainShape()));
        List<String> columns = new ArrayList<>(List.of("size"));
        columns.addAll(evaluator.metrics());
        ModelRows table = new ModelRows(RunFolder.EVALUATION_TABLE, columns);
        try (Progress progress = new ProgressLog("evaluation", (long) models.size() * shapes.size(), cancellation,
                plan.progressInterval())) {
            for (TrainedModel trained : models) {
                var network = model.network(trained.modelSpec(), trained.parameters());
                for (BoardShape shape : shapes) {
                    Boards boards = evaluationSet(trained.data().withShape(shape));
                    Map<String, Object> row = new LinkedHashMap<>();
                    row.put("size", shape.toString());
                    row.putAll(evaluator.evaluate(network, boards));
                    table.add(GridPoint.of(trained), row);
                    progress.advance(1);
                }
            }
        }
        Table evaluation = table.build();
        folder.writeTable(evaluation);
        folder.writeTable(evaluator.summarise(evaluation, GROUP_BY, RunFolder.SUMMARY_TABLE));
        LOG.info("evaluation: wrote {} and {}", folder.path().resolve(RunFolder.EVALUATION_TABLE + ".csv"),
                folder.path().resolve(RunFolder.SUMMARY_TABLE + ".csv"));
    }

    private Boards evaluationSet(DataSpec spec) {
        Experiment experiment = plan.experiment();
        return evaluationSets.computeIfAbsent(spec, s -> plan.dataset().service().sample(s,
                BoardStream.evaluation(experiment.testSeed()), 0, experiment.testBoards()));
    }
}
