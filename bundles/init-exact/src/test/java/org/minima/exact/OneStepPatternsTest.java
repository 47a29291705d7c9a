package org.minima.exact;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
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
 * Every 3×3 pattern, in the middle of a dead 5×5 board, through a one-step network: all 512 for Moore, and the same
 * 512 for von Neumann, which covers its 2^5 relevant patterns each with all 16 corner fillings.
 */
class OneStepPatternsTest {

    private static final List<Model> FORMS = List.of(new FirnerModel(), new SpringerKenyonModel());

    @Test
    void everyConstructionGetsEveryPatternRightInBothFormsAndActivations() {
        int[][][] patterns = Life.allPatterns();
        for (String construction : Check.SOLUTIONS.constructions()) {
            for (Model model : FORMS) {
                for (Neighbourhood nb : Neighbourhood.values()) {
                    for (Activation act : List.of(Activation.RELU, Activation.LEAKY_RELU)) {
                        ModelSpec spec = new ModelSpec(1, construction.equals("R") ? 2 : 1, 1, act);
                        ParameterVector p = Check.construct(construction, nb, model, spec);
                        String label = construction + " " + model.description() + " " + nb + " " + act;
                        assertEquals(0, Check.wrongBoards(model, spec, p, patterns, nb, 1), label);
                        if (act == Activation.RELU) {
                            assertLogitsAtLeastMargin(model, spec, p, patterns, nb, construction, label);
                        }
                    }
                }
            }
        }
    }

    /** With ReLU every cell's logit lies beyond ±margin on the right side; S misses by float32 rounding only. */
    private static void assertLogitsAtLeastMargin(Model model, ModelSpec spec, ParameterVector p, int[][][] patterns,
                                                  Neighbourhood nb, String construction, String label) {
        double margin = Check.SOLUTIONS.defaultMargin(construction);
        double slack = construction.equals("S") ? 1e-4 : 0;
        INDArray z = new Probe(model.layout(spec), p).logits(Life.array(patterns));
        int[][][] truth = Life.run(Game.conway(nb), patterns, 1);
        for (int b = 0; b < patterns.length; b++) {
            for (int r = 0; r < 5; r++) {
                for (int c = 0; c < 5; c++) {
                    double signed = z.getDouble(b, 0, r, c) * (truth[b][r][c] == 1 ? 1 : -1);
                    assertTrue(signed >= margin - slack, label + ": pattern " + b + " cell " + r + "," + c
                            + " logit " + z.getDouble(b, 0, r, c));
                }
            }
        }
    }
}
