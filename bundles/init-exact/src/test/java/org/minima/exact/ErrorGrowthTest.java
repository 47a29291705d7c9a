package org.minima.exact;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.minima.api.data.BoardShape;
import org.minima.api.data.Game;
import org.minima.api.data.Neighbourhood;
import org.minima.api.model.Activation;
import org.minima.api.model.Model;
import org.minima.api.model.ModelSpec;
import org.minima.api.model.ParameterLayout;
import org.minima.api.model.ParameterVector;
import org.minima.arch.SpringerKenyonModel;
import org.minima.testkit.Life;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * S (centre 0.1, weights −10, +1) against S8 (0.125, −8, +1) over 20 steps in float32. Construct refuses S beyond 4
 * steps, so the 20-step S is S8's vector with its two non-binary constants swapped back.
 */
class ErrorGrowthTest {

    private static final Logger LOG = LoggerFactory.getLogger(ErrorGrowthTest.class);
    private static final Model MODEL = new SpringerKenyonModel();
    private static final ModelSpec SPEC = new ModelSpec(20, 1, 1, Activation.RELU);
    private static final int[][][] BOARDS = Life.random(1000, new BoardShape(5, 5), 0.5, 3);

    @Test
    void s8StaysExactWhileSErrorGrowsEveryStep() {
        for (Neighbourhood nb : Neighbourhood.values()) {
            ParameterVector s8 = Check.construct("S8", nb, MODEL, SPEC);
            double[] exact = deviations(s8, nb);
            double[] s = deviations(asS(s8), nb);
            LOG.info("{}: largest deviation from 0/1 after steps 1..20, S: {}", nb, format(s));
            for (double d : exact) {
                assertEquals(0, d, 0, "S8 is float-exact");
            }
            assertEquals(0, Check.wrongBoards(MODEL, SPEC, s8, BOARDS, nb, 20), "S8 at 20 steps");
            assertTrue(s[0] > 0, "0.1f is not 0.1, so S errs from the first step");
            for (int k = 1; k < 4; k++) {
                assertTrue(s[k] > 5 * s[k - 1], "step " + (k + 1) + ": " + s[k] + " vs " + s[k - 1]);
            }
            assertTrue(Check.wrongBoards(MODEL, SPEC, asS(s8), BOARDS, nb, 20) > 0, "S at 20 steps goes wrong");
        }
    }

    @Test
    void constructOffersSOnlyWhileItsErrorStaysSmall() {
        ParameterLayout four = MODEL.layout(new ModelSpec(4, 1, 1, Activation.RELU));
        ParameterLayout five = MODEL.layout(new ModelSpec(5, 1, 1, Activation.RELU));
        Game game = Game.conway(Neighbourhood.MOORE);
        ParameterVector s4 = Check.SOLUTIONS.construct("S", game, four, four.blocks(), 20);
        assertEquals(asS(Check.SOLUTIONS.construct("S8", game, four, four.blocks(), 20)), s4);
        assertEquals(0, Check.wrongBoards(MODEL, new ModelSpec(4, 1, 1, Activation.RELU), s4, BOARDS,
                Neighbourhood.MOORE, 4));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Check.SOLUTIONS.construct("S", game, five, five.blocks(), 20));
        assertTrue(e.getMessage().contains("at most 4 step(s)") && e.getMessage().contains("binary fraction"),
                e.getMessage());
    }

    /** The largest |x − round(x)| over all cells of the board after each block (the pre-head value at step n). */
    private static double[] deviations(ParameterVector p, Neighbourhood nb) {
        List<INDArray> blocks = new Probe(MODEL.layout(SPEC), p).blockOutputs(Life.array(BOARDS));
        double[] worst = new double[blocks.size()];
        int[][][] truth = BOARDS;
        for (int n = 0; n < blocks.size(); n++) {
            truth = Life.run(Game.conway(nb), truth, 1);
            float[] cells = blocks.get(n).dup('c').data().asFloat();
            int k = 0;
            for (int[][] board : truth) {
                for (int[] row : board) {
                    for (int cell : row) {
                        worst[n] = Math.max(worst[n], Math.abs(cells[k++] - cell));
                    }
                }
            }
        }
        return worst;
    }

    private static ParameterVector asS(ParameterVector s8) {
        float[] v = s8.toArray();
        for (int i = 0; i < v.length; i++) {
            if (v[i] == 0.125f) {
                v[i] = 0.1f;
            } else if (v[i] == -8f) {
                v[i] = -10f;
            }
        }
        return ParameterVector.of(v);
    }

    private static String format(double[] values) {
        StringBuilder text = new StringBuilder();
        for (double v : values) {
            text.append(String.format(" %.2g", v));
        }
        return text.toString().trim();
    }
}
