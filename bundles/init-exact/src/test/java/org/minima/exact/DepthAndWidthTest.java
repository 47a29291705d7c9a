package org.minima.exact;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

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

/** Extra blocks pass the board through; extra channels stay zero and change nothing. */
class DepthAndWidthTest {

    private static final Model FIRNER = new FirnerModel();
    private static final Model SPRINGER_KENYON = new SpringerKenyonModel();
    private static final int[][][] BOARDS = Life.random(300, new BoardShape(6, 6), 0.5, 9);

    private record Case(String construction, Model model, int width, Activation activation) {
    }

    private static final List<Case> CASES = List.of(
            new Case("F", FIRNER, 1, Activation.RELU),
            new Case("S8", FIRNER, 1, Activation.RELU),
            new Case("S8", SPRINGER_KENYON, 1, Activation.RELU),
            new Case("R", FIRNER, 2, Activation.RELU),
            new Case("R", SPRINGER_KENYON, 2, Activation.LEAKY_RELU));

    @Test
    void depthFactorBlocksAfterTheStepsPassTheBoardThrough() {
        for (Case c : CASES) {
            for (Neighbourhood nb : Neighbourhood.values()) {
                ModelSpec spec = new ModelSpec(3, c.width(), 2, c.activation());
                Game game = Game.conway(nb);
                double margin = Check.SOLUTIONS.defaultMargin(c.construction());
                ParameterVector threeSteps = Check.SOLUTIONS.construct(c.construction(), game,
                        c.model().layout(spec), 3, margin);
                assertEquals(0, Check.wrongBoards(c.model(), spec, threeSteps, BOARDS, nb, 3), c + " " + nb);
                ParameterVector everyBlock = Check.SOLUTIONS.construct(c.construction(), game,
                        c.model().layout(spec), 6, margin);
                assertEquals(0, Check.wrongBoards(c.model(), spec, everyBlock, BOARDS, nb, 6), c + " " + nb);
            }
        }
    }

    @Test
    void widerNetworksHoldTheSameConstructionInTheirFirstChannels() {
        for (Case c : CASES) {
            for (int width : new int[] {3, 5}) {
                for (Neighbourhood nb : Neighbourhood.values()) {
                    ModelSpec wide = new ModelSpec(4, width, 1, c.activation());
                    ParameterVector p = Check.construct(c.construction(), nb, c.model(), wide);
                    assertEquals(0, Check.wrongBoards(c.model(), wide, p, BOARDS, nb, 4), c + " m = " + width);
                    ParameterVector narrow = Check.construct(c.construction(), nb, c.model(),
                            new ModelSpec(4, c.width(), 1, c.activation()));
                    assertEquals(nonZeros(narrow), nonZeros(p), "only the construction's weights are non-zero");
                    assertNotEquals(narrow.size(), p.size());
                }
            }
        }
    }

    private static int nonZeros(ParameterVector p) {
        int count = 0;
        for (float v : p.toArray()) {
            count += v != 0 ? 1 : 0;
        }
        return count;
    }
}
