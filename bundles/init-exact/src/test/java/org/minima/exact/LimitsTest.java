package org.minima.exact;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.minima.api.data.BoardShape;
import org.minima.api.data.Boundary;
import org.minima.api.data.Game;
import org.minima.api.data.Neighbourhood;
import org.minima.api.data.Rule;
import org.minima.api.model.Activation;
import org.minima.api.model.Model;
import org.minima.api.model.ModelSpec;
import org.minima.api.model.ParameterLayout;
import org.minima.api.model.ParameterVector;
import org.minima.arch.FirnerModel;
import org.minima.arch.SpringerKenyonModel;
import org.minima.testkit.Life;

/** What construct refuses, that its messages say why, and that the LeakyReLU limits are where the errors start. */
class LimitsTest {

    private static final Model FIRNER = new FirnerModel();
    private static final Model SPRINGER_KENYON = new SpringerKenyonModel();
    private static final Game MOORE = Game.conway(Neighbourhood.MOORE);
    private static final Game VON_NEUMANN = Game.conway(Neighbourhood.VON_NEUMANN);

    @Test
    void robustNeedsWidthTwo() {
        for (Model model : new Model[] {FIRNER, SPRINGER_KENYON}) {
            ParameterLayout minimal = model.layout(spec(3, 1, Activation.RELU));
            assertRejected(() -> Check.SOLUTIONS.construct("R", MOORE, minimal, minimal.blocks(), 10), "4 filters",
                    "m >= 2");
            Check.SOLUTIONS.construct("R", MOORE, model.layout(spec(3, 2, Activation.RELU)), 3, 10);
        }
    }

    @Test
    void firnerNeedsTwoOneByOneLayersPerStep() {
        ParameterLayout twoSteps = SPRINGER_KENYON.layout(spec(2, 3, Activation.RELU));
        assertRejected(() -> Check.SOLUTIONS.construct("F", MOORE, twoSteps, twoSteps.blocks(), 10),
                "second 1x1", "firner form");
        Check.SOLUTIONS.construct("F", MOORE, SPRINGER_KENYON.layout(spec(1, 1, Activation.RELU)), 1, 10);
    }

    @Test
    void onlyConwaysRule() {
        ParameterLayout layout = FIRNER.layout(spec(1, 1, Activation.RELU));
        Game highLife = new Game(Rule.parse("B36/S23"), Neighbourhood.MOORE, Boundary.DEAD);
        assertRejected(() -> Check.SOLUTIONS.construct("F", highLife, layout, layout.blocks(), 10), "B3/S23",
                "B36/S23");
    }

    @Test
    void rejectsUnknownConstructionsBadMarginsAndStepCounts() {
        ParameterLayout layout = FIRNER.layout(spec(2, 1, Activation.RELU));
        assertRejected(() -> Check.SOLUTIONS.construct("X", MOORE, layout, layout.blocks(), 10),
                "unknown construction", "S8");
        assertRejected(() -> Check.SOLUTIONS.defaultMargin("f"), "unknown construction");
        for (double margin : new double[] {0, -1, Double.NaN, Double.POSITIVE_INFINITY}) {
            assertRejected(() -> Check.SOLUTIONS.construct("F", MOORE, layout, layout.blocks(), margin), "margin");
        }
        assertRejected(() -> Check.SOLUTIONS.construct("F", MOORE, layout, 0, 10), "steps");
        assertRejected(() -> Check.SOLUTIONS.construct("F", MOORE, layout, 3, 10), "steps");
    }

    @Test
    void leakyLimitsAreAcceptedUpToAndRejectedBeyond() {
        assertLeakyLimit("F", MOORE, 1);
        assertLeakyLimit("F", VON_NEUMANN, 2);
        assertLeakyLimit("S", MOORE, 1);
        assertLeakyLimit("S8", VON_NEUMANN, 1);
        Check.SOLUTIONS.construct("R", MOORE, FIRNER.layout(spec(20, 2, Activation.LEAKY_RELU)), 20, 10);
    }

    /** The same weights one step past each limit, run with LeakyReLU, get boards wrong. */
    @Test
    void leakyNetworksGoWrongOneStepPastTheLimit() {
        int[][][] boards = Life.random(500, new BoardShape(6, 6), 0.5, 5);
        assertWrongWhenLeaky("F", Neighbourhood.MOORE, 2, boards);
        assertWrongWhenLeaky("F", Neighbourhood.VON_NEUMANN, 3, boards);
        assertWrongWhenLeaky("S8", Neighbourhood.MOORE, 2, boards);
        assertWrongWhenLeaky("S8", Neighbourhood.VON_NEUMANN, 2, boards);
    }

    /** F with LeakyReLU, von Neumann, two steps: every pattern of the radius-2 diamond two steps depend on. */
    @Test
    void leakyFirnerVonNeumannTwoStepsIsRightOnEveryDiamond() {
        int[][] diamond = {{1, 3}, {2, 2}, {2, 3}, {2, 4}, {3, 1}, {3, 2}, {3, 3}, {3, 4}, {3, 5}, {4, 2}, {4, 3},
            {4, 4}, {5, 3}};
        int[][][] boards = new int[1 << diamond.length][7][7];
        for (int p = 0; p < boards.length; p++) {
            for (int k = 0; k < diamond.length; k++) {
                boards[p][diamond[k][0]][diamond[k][1]] = (p >> k) & 1;
            }
        }
        ModelSpec spec = spec(2, 1, Activation.LEAKY_RELU);
        ParameterVector p = Check.SOLUTIONS.construct("F", VON_NEUMANN, FIRNER.layout(spec), spec.steps(), 10);
        assertEquals(0, Check.wrongBoards(FIRNER, spec, p, boards, Neighbourhood.VON_NEUMANN, 2));
    }

    private static void assertLeakyLimit(String construction, Game game, int limit) {
        Model model = construction.equals("F") ? FIRNER : SPRINGER_KENYON;
        Check.SOLUTIONS.construct(construction, game, model.layout(spec(limit, 1, Activation.LEAKY_RELU)), limit, 10);
        ParameterLayout beyond = model.layout(spec(limit + 1, 1, Activation.LEAKY_RELU));
        assertRejected(() -> Check.SOLUTIONS.construct(construction, game, beyond, limit + 1, 10),
                "at most " + limit + " step(s) with leaky-relu", "R (width m >= 2)");
    }

    private static void assertWrongWhenLeaky(String construction, Neighbourhood nb, int steps, int[][][] boards) {
        ParameterVector relu = Check.construct(construction, nb, FIRNER, spec(steps, 1, Activation.RELU));
        ModelSpec leaky = spec(steps, 1, Activation.LEAKY_RELU);
        assertTrue(Check.wrongBoards(FIRNER, leaky, relu, boards, nb, steps) > 0,
                construction + " " + nb + " with leaky-relu at " + steps + " steps");
        assertEquals(0, Check.wrongBoards(FIRNER, spec(steps, 1, Activation.RELU), relu, boards, nb, steps));
    }

    private static void assertRejected(Executable call, String... phrases) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call);
        for (String phrase : phrases) {
            assertTrue(e.getMessage().contains(phrase), "'" + phrase + "' missing from: " + e.getMessage());
        }
    }

    private static ModelSpec spec(int steps, int width, Activation activation) {
        return new ModelSpec(steps, width, 1, activation);
    }
}
