package org.minima.exact;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The loss at each exact point, on 1000 random 5×5 boards (p = 0.5, seed 1), with the margin measured as the
 * smallest signed logit over all cells. The README quotes these figures. S is measured at 4 steps, the most construct
 * gives it.
 */
class ExactLossTest {

    private static final Logger LOG = LoggerFactory.getLogger(ExactLossTest.class);
    private static final int[][][] BOARDS = Life.random(1000, new BoardShape(5, 5), 0.5, 1);

    private record Case(String construction, Model model, int width, int longest) {
    }

    @Test
    void lossAtTheExactPointIsPositiveAndAtMostSoftplusOfMinusMargin() {
        List<Case> cases = List.of(new Case("F", new FirnerModel(), 1, 20),
                new Case("S", new SpringerKenyonModel(), 1, 4),
                new Case("S8", new SpringerKenyonModel(), 1, 20),
                new Case("R", new FirnerModel(), 2, 20),
                new Case("R", new SpringerKenyonModel(), 2, 20));
        for (Case c : cases) {
            for (Neighbourhood nb : Neighbourhood.values()) {
                for (int n : new int[] {1, c.longest()}) {
                    ModelSpec spec = new ModelSpec(n, c.width(), 1, Activation.RELU);
                    ParameterVector p = Check.construct(c.construction(), nb, c.model(), spec);
                    INDArray input = Life.array(BOARDS);
                    INDArray target = Life.array(Life.run(Game.conway(nb), BOARDS, n));
                    double loss = c.model().network(spec, p).loss(input, target);
                    double margin = measuredMargin(new Probe(c.model().layout(spec), p).logits(input), target);
                    double nominal = Check.SOLUTIONS.defaultMargin(c.construction());
                    LOG.info("{} {} m={} {} n={}: loss {} at margin {} (measured {})", c.construction(),
                            c.model().getClass().getSimpleName(), c.width(), nb.label(), n,
                            String.format("%.4g", loss), nominal, String.format("%.6g", margin));
                    assertTrue(loss > 0, "an exact point of a sigmoid head still has a positive loss");
                    assertTrue(loss <= Math.log1p(Math.exp(-margin)) * (1 + 1e-6), c + " loss " + loss);
                    if (c.construction().equals("S")) {
                        assertTrue(margin > nominal / 2, "S's float32 error eats into its margin: " + margin);
                    } else {
                        assertEquals(nominal, margin, 0, c + " n = " + n);
                    }
                }
            }
        }
    }

    private static double measuredMargin(INDArray logits, INDArray target) {
        float[] z = logits.dup('c').data().asFloat();
        float[] y = target.dup('c').data().asFloat();
        double smallest = Double.POSITIVE_INFINITY;
        for (int i = 0; i < z.length; i++) {
            smallest = Math.min(smallest, y[i] == 1 ? z[i] : -z[i]);
        }
        return smallest;
    }
}
