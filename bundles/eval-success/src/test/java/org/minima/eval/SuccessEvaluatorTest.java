package org.minima.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.minima.api.data.BoardShape;
import org.nd4j.linalg.factory.Nd4j;

/** Every metric on four hand-made 2x3 boards, for networks whose outputs are known exactly. */
class SuccessEvaluatorTest {

    private static final BoardShape SHAPE = new BoardShape(2, 3);
    private static final long[] NCHW = {4, 1, 2, 3};
    // boards 0 and 2 die out; board 1 keeps two live cells, board 3 three: 5 of 24 target cells alive
    private static final float[] TARGET = {
        0, 0, 0, 0, 0, 0,
        0, 1, 0, 0, 1, 0,
        0, 0, 0, 0, 0, 0,
        1, 1, 0, 0, 0, 1};
    private static final float[] INPUT = {
        1, 0, 0, 0, 0, 1,
        1, 1, 1, 0, 0, 0,
        0, 1, 0, 0, 0, 0,
        1, 1, 0, 1, 0, 1};
    private static final FixedBoards BOARDS = new FixedBoards(SHAPE, INPUT, TARGET);

    private final SuccessEvaluator evaluator = new SuccessEvaluator();

    @Test
    void metricsComeInTheDocumentedOrder() {
        List<String> expected = List.of("success", "board_exact", "cell_accuracy", "loss", "empty_board_exact",
                "empty_cell_accuracy");
        assertEquals(expected, evaluator.metrics());
        Map<String, Double> metrics = evaluator.evaluate(network(TARGET), BOARDS);
        assertEquals(expected, List.copyOf(metrics.keySet()));
    }

    @Test
    void aNetworkPredictingTheTargetSucceeds() {
        FixedNetwork network = network(TARGET);
        Map<String, Double> metrics = evaluator.evaluate(network, BOARDS);
        assertEquals(1.0, metrics.get("success"));
        assertEquals(1.0, metrics.get("board_exact"));
        assertEquals(1.0, metrics.get("cell_accuracy"));
        assertEquals(0.125, metrics.get("loss"));
        assertEquals(0.5, metrics.get("empty_board_exact"));
        assertEquals(19.0 / 24, metrics.get("empty_cell_accuracy"));
        assertEquals(BOARDS.input(), network.lossInput);
        assertEquals(BOARDS.target(), network.lossTarget);
    }

    @Test
    void predictingAllDeadScoresTheEmptyBoardBaseline() {
        Map<String, Double> metrics = evaluator.evaluate(network(new float[24]), BOARDS);
        assertEquals(0.0, metrics.get("success"));
        assertEquals(0.5, metrics.get("board_exact"));
        assertEquals(19.0 / 24, metrics.get("cell_accuracy"));
        assertEquals(0.5, metrics.get("empty_board_exact"));
        assertEquals(19.0 / 24, metrics.get("empty_cell_accuracy"));
    }

    @Test
    void oneWrongCellCostsTheWholeModel() {
        float[] output = TARGET.clone();
        output[3 * 6 + 4] = 1;
        Map<String, Double> metrics = evaluator.evaluate(network(output), BOARDS);
        assertEquals(0.0, metrics.get("success"));
        assertEquals(0.75, metrics.get("board_exact"));
        assertEquals(23.0 / 24, metrics.get("cell_accuracy"));
    }

    @Test
    void outputsAreClampedAndRoundedHalfUp() {
        float[] output = TARGET.clone();
        // board 1: exactly 0.5 and above 1 both mean alive; below 0 means dead
        output[6 + 1] = 0.5f;
        output[6 + 4] = 1.7f;
        output[6] = -0.3f;
        // board 3: just below 0.5 is dead, so the live cell is missed
        output[18] = 0.49999997f;
        // board 0: NaN is never right, even on a dead cell
        output[2] = Float.NaN;
        Map<String, Double> metrics = evaluator.evaluate(network(output), BOARDS);
        assertEquals(0.5, metrics.get("board_exact"));
        assertEquals(22.0 / 24, metrics.get("cell_accuracy"));
    }

    @Test
    void anyArrayOrderingReadsTheSameCells() {
        float[] output = TARGET.clone();
        output[0] = 1;
        FixedNetwork fortranOrder = new FixedNetwork(input -> Nd4j.create(output, NCHW, 'c').dup('f'), 0);
        Map<String, Double> metrics = evaluator.evaluate(fortranOrder, BOARDS);
        assertEquals(0.75, metrics.get("board_exact"));
        assertEquals(23.0 / 24, metrics.get("cell_accuracy"));
    }

    @Test
    void anOutputOfTheWrongShapeIsRejected() {
        FixedNetwork wrong = new FixedNetwork(input -> Nd4j.zeros(4, 1, 3, 2), 0);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> evaluator.evaluate(wrong, BOARDS));
        assertTrue(e.getMessage().contains("[4, 1, 3, 2]"), e.getMessage());
    }

    private static FixedNetwork network(float[] output) {
        return new FixedNetwork(input -> Nd4j.create(output, NCHW, 'c'), 0.125);
    }
}
