package org.minima.exact;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.minima.api.data.BoardShape;
import org.minima.api.data.Boundary;
import org.minima.api.data.Game;
import org.minima.api.data.Neighbourhood;
import org.minima.api.data.Rule;
import org.minima.api.model.Activation;
import org.minima.api.model.Model;
import org.minima.api.model.ModelSpec;
import org.minima.api.model.Padding;
import org.minima.api.model.ParameterVector;
import org.minima.arch.FirnerModel;
import org.minima.arch.SpringerKenyonModel;
import org.minima.testkit.Life;

/**
 * The exact constructions compute toroidal games in networks with circular padding, for the reason they compute dead
 * ones with zero padding: a cell's step reads its 3×3 neighbourhood only, and the wrapped border supplies the cells
 * across the edge. The zero-padded network of the same weights gets the same boards wrong, so the padding is what
 * these tests check.
 */
class ToroidalTest {

    private static final List<Model> FORMS = List.of(new FirnerModel(), new SpringerKenyonModel());

    @Test
    void everyConstructionGetsEveryPatternRightOnThreeByThreeTori() {
        int[][][] tori = threeByThreeTori();
        for (String construction : Check.SOLUTIONS.constructions()) {
            for (Model model : FORMS) {
                for (Neighbourhood nb : Neighbourhood.values()) {
                    for (Activation act : List.of(Activation.RELU, Activation.LEAKY_RELU)) {
                        ModelSpec spec = new ModelSpec(1, construction.equals("R") ? 2 : 1, 1, act,
                                Padding.CIRCULAR);
                        Game torus = torus(nb);
                        ParameterVector p = Check.construct(construction, torus, model, spec);
                        String label = construction + " " + model.description() + " " + nb + " " + act;
                        assertEquals(0, Check.wrongBoards(model, spec, p, tori, torus, 1), label);
                        assertTrue(Check.wrongBoards(model, spec.withPadding(Padding.ZERO), p, tori, torus, 1) > 0,
                                label + ": zero padding misses the wrapped neighbours");
                    }
                }
            }
        }
    }

    @Test
    void stacksUpTo20StepsAreExactOnRandomToroidalBoardsInFloat32() {
        int[][][] small = Life.random(1000, new BoardShape(5, 5), 0.5, 1);
        int[][][] large = Life.random(30, new BoardShape(10, 10), 0.5, 2);
        for (Neighbourhood nb : Neighbourhood.values()) {
            Game torus = torus(nb);
            for (int n : new int[] {1, 2, 3, 20}) {
                assertExact("F", FORMS.get(0), 1, Activation.RELU, torus, n, small, large);
                for (Model model : FORMS) {
                    assertExact("S8", model, 1, Activation.RELU, torus, n, small, large);
                    assertExact("R", model, 2, Activation.RELU, torus, n, small, large);
                    assertExact("R", model, 2, Activation.LEAKY_RELU, torus, n, small, large);
                }
            }
        }
    }

    @Test
    void aGliderCrossesTheEdgeOfASixBySixTorusAndEveryStepCountUpTo20PredictsIt() {
        int[][] board = new int[6][6];
        for (int[] cell : new int[][] {{3, 4}, {4, 5}, {5, 3}, {5, 4}, {5, 5}}) {
            board[cell[0]][cell[1]] = 1;
        }
        Game torus = torus(Neighbourhood.MOORE);
        int[][][] glider = {board};
        assertNotEquals(List.of(Life.run(Game.conway(Neighbourhood.MOORE), board, 20)),
                List.of(Life.run(torus, board, 20)), "on a dead boundary the glider would not survive the edge");
        int zeroPaddedWrong = 0;
        for (int n = 1; n <= 20; n++) {
            ModelSpec spec = new ModelSpec(n, 1, 1, Activation.RELU, Padding.CIRCULAR);
            ParameterVector p = Check.construct("F", torus, FORMS.get(0), spec);
            assertEquals(0, Check.wrongBoards(FORMS.get(0), spec, p, glider, torus, n), "the glider after " + n);
            zeroPaddedWrong += Check.wrongBoards(FORMS.get(0), spec.withPadding(Padding.ZERO), p, glider, torus, n);
        }
        assertTrue(zeroPaddedWrong > 0, "a zero-padded network loses the glider at the edge");
    }

    private static void assertExact(String construction, Model model, int width, Activation act, Game torus, int n,
                                    int[][][]... boardSets) {
        ModelSpec spec = new ModelSpec(n, width, 1, act, Padding.CIRCULAR);
        ParameterVector p = Check.construct(construction, torus, model, spec);
        for (int[][][] boards : boardSets) {
            assertEquals(0, Check.wrongBoards(model, spec, p, boards, torus, n), construction + " "
                    + model.description() + " " + torus.label() + " " + act + " n = " + n + " on "
                    + boards[0].length + "x" + boards[0][0].length);
        }
    }

    private static Game torus(Neighbourhood nb) {
        return new Game(Rule.CONWAY, nb, Boundary.TOROIDAL);
    }

    /**
     * The 512 3×3 boards (bit k of the index is cell k in row-major order): on a 3×3 torus each cell's neighbourhood
     * is the whole board, so every cell of every board meets one of the 512 situations, each of which occurs.
     */
    private static int[][][] threeByThreeTori() {
        int[][][] boards = new int[512][3][3];
        for (int p = 0; p < 512; p++) {
            for (int k = 0; k < 9; k++) {
                boards[p][k / 3][k % 3] = (p >> k) & 1;
            }
        }
        return boards;
    }
}
