package org.minima.eval;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.minima.api.Plugin;
import org.minima.api.Table;
import org.minima.api.data.Boards;
import org.minima.api.eval.Evaluator;
import org.minima.api.model.Network;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.osgi.service.component.annotations.Component;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Firner's evaluation protocol (REFERENCE.md section 5). A network's outputs are clamped to [0, 1] and rounded,
 * with 0.5 rounding up (so an output of exactly 0.5 predicts "alive"); a board is right when every cell is, and a
 * model succeeds when every board is. Each model is reported next to the empty-board baseline of the same boards,
 * and {@link #summarise} gives per-group success rates with Wilson 95% intervals. Stateless, hence thread-safe.
 */
@Component(service = Evaluator.class, property = Plugin.NAME + "=" + SuccessEvaluator.NAME)
public final class SuccessEvaluator implements Evaluator {

    static final String NAME = "success";

    static final String SUCCESS = "success";
    static final String BOARD_EXACT = "board_exact";
    static final String CELL_ACCURACY = "cell_accuracy";
    static final String LOSS = "loss";
    static final String EMPTY_BOARD_EXACT = "empty_board_exact";
    static final String EMPTY_CELL_ACCURACY = "empty_cell_accuracy";

    private static final List<String> METRICS = List.of(SUCCESS, BOARD_EXACT, CELL_ACCURACY, LOSS,
            EMPTY_BOARD_EXACT, EMPTY_CELL_ACCURACY);

    private static final Logger LOG = LoggerFactory.getLogger(SuccessEvaluator.class);

    @Override
    public String description() {
        return "Success = every test board exactly right; board-exact, cell accuracy, loss, empty-board baseline; "
                + "success rates with Wilson 95% intervals";
    }

    @Override
    public List<String> metrics() {
        return METRICS;
    }

    /**
     * Metrics of {@code network} on {@code boards}: {@code success} (1 when every board is exactly right, else 0),
     * {@code board_exact} (fraction of boards with every cell right), {@code cell_accuracy} (fraction of cells
     * right), {@code loss} ({@link Network#loss}: binary cross-entropy averaged over all cells),
     * {@code empty_board_exact} (fraction of boards whose target is entirely dead) and {@code empty_cell_accuracy}
     * (fraction of target cells that are dead). Outputs are clamped to [0, 1] and rounded half up; NaN is wrong.
     */
    @Override
    public Map<String, Double> evaluate(Network network, Boards boards) {
        INDArray input = boards.input();
        INDArray target = boards.target();
        INDArray output = network.output(input);
        if (!Arrays.equals(output.shape(), target.shape())) {
            throw new IllegalArgumentException("network output has shape " + Arrays.toString(output.shape())
                    + " but the targets have shape " + Arrays.toString(target.shape()));
        }
        Score score = Score.of(cells(output), cells(target), boards.count(), boards.shape().cells());
        double loss = network.loss(input, target);
        if (!Double.isFinite(loss)) {
            LOG.warn("network loss on {} boards of {} is {}: its weights may have diverged", boards.count(),
                    boards.shape(), loss);
        }
        Map<String, Double> metrics = new LinkedHashMap<>();
        metrics.put(SUCCESS, score.success() ? 1.0 : 0.0);
        metrics.put(BOARD_EXACT, score.boardExact());
        metrics.put(CELL_ACCURACY, score.cellAccuracy());
        metrics.put(LOSS, loss);
        metrics.put(EMPTY_BOARD_EXACT, score.emptyBoardExact());
        metrics.put(EMPTY_CELL_ACCURACY, score.emptyCellAccuracy());
        return metrics;
    }

    /**
     * One row per distinct combination of {@code groupBy} columns, in order of first appearance: those columns,
     * then {@code models, successes, success_rate, success_ci_low, success_ci_high} (Wilson 95%),
     * {@code mean_board_exact, sd_board_exact} (sample standard deviation, 0 for one model),
     * {@code mean_cell_accuracy, mean_loss, empty_board_exact} (the group's mean).
     */
    @Override
    public Table summarise(Table perModel, List<String> groupBy, String name) {
        return Summary.of(perModel, groupBy, name);
    }

    /** The values in row-major order, whatever the array's ordering, view offset or data type. */
    private static float[] cells(INDArray array) {
        return array.dup('c').data().asFloat();
    }
}
