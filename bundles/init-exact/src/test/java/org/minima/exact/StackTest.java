package org.minima.exact;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.minima.api.data.BoardShape;
import org.minima.api.data.Game;
import org.minima.api.data.Neighbourhood;
import org.minima.api.model.Activation;
import org.minima.api.model.Model;
import org.minima.api.model.ModelSpec;
import org.minima.api.model.ParameterVector;
import org.minima.arch.FirnerModel;
import org.minima.arch.SpringerKenyonModel;
import org.minima.testkit.Life;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Stacks of n = 1..20 steps in float32 on 1000 random 5×5 boards and 30 random 10×10 boards (p = 0.5). The 20-step
 * network is checked after every block, where its board must already be the n-step board (exactly 0/1 with ReLU),
 * and through its head; networks of 1, 2 and 3 steps check the head on shorter stacks.
 */
class StackTest {

    private static final Model FIRNER = new FirnerModel();
    private static final Model SPRINGER_KENYON = new SpringerKenyonModel();
    private static final int[][][] SMALL = Life.random(1000, new BoardShape(5, 5), 0.5, 1);
    private static final int[][][] LARGE = Life.random(30, new BoardShape(10, 10), 0.5, 2);

    @Test
    void firnerConstructionInFirnerForm() {
        assertExactUpTo20Steps("F", FIRNER, 1, Activation.RELU);
    }

    @Test
    void floatExactSpringerKenyonInBothForms() {
        assertExactUpTo20Steps("S8", SPRINGER_KENYON, 1, Activation.RELU);
        assertExactUpTo20Steps("S8", FIRNER, 1, Activation.RELU);
    }

    @Test
    void robustConstructionInBothFormsAndActivations() {
        for (Activation act : List.of(Activation.RELU, Activation.LEAKY_RELU)) {
            assertExactUpTo20Steps("R", FIRNER, 2, act);
            assertExactUpTo20Steps("R", SPRINGER_KENYON, 2, act);
        }
    }

    private static void assertExactUpTo20Steps(String construction, Model model, int width, Activation act) {
        for (Neighbourhood nb : Neighbourhood.values()) {
            String label = construction + " " + model.description() + " " + nb + " " + act;
            for (int n : new int[] {1, 2, 3, 20}) {
                ModelSpec spec = new ModelSpec(n, width, 1, act);
                ParameterVector p = Check.construct(construction, nb, model, spec);
                assertEquals(0, Check.wrongBoards(model, spec, p, SMALL, nb, n), label + " n = " + n + " on 5x5");
                assertEquals(0, Check.wrongBoards(model, spec, p, LARGE, nb, n), label + " n = " + n + " on 10x10");
            }
            ModelSpec spec = new ModelSpec(20, width, 1, act);
            Probe probe = new Probe(model.layout(spec), Check.construct(construction, nb, model, spec));
            for (int[][][] boards : List.of(SMALL, LARGE)) {
                List<INDArray> blocks = probe.blockOutputs(Life.array(boards));
                int[][][] truth = boards;
                for (int n = 1; n < 20; n++) {
                    truth = Life.run(Game.conway(nb), truth, 1);
                    float[] cells = blocks.get(n - 1).dup('c').data().asFloat();
                    int k = 0;
                    for (int[][] board : truth) {
                        for (int[] row : board) {
                            for (int cell : row) {
                                float v = cells[k++];
                                if (act == Activation.RELU) {
                                    assertEquals(cell, v, 0, label + " board after block " + n);
                                } else {
                                    assertEquals(cell, Math.round(v), label + " board after block " + n);
                                }
                            }
                        }
                    }
                }
            }
        }
    }
}
