package org.minima.testkit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.minima.api.data.BoardShape;
import org.minima.api.data.Boundary;
import org.minima.api.data.Game;
import org.minima.api.data.Neighbourhood;
import org.minima.api.data.Rule;

/** The reference Game of Life on patterns whose futures are known by hand. */
class LifeTest {

    private static final Game CONWAY = Game.conway(Neighbourhood.MOORE);
    private static final Game TORUS = new Game(Rule.CONWAY, Neighbourhood.MOORE, Boundary.TOROIDAL);

    @Test
    void aBlinkerOscillatesAndABlockStays() {
        int[][] blinker = {{0, 0, 0}, {1, 1, 1}, {0, 0, 0}};
        int[][] vertical = {{0, 1, 0}, {0, 1, 0}, {0, 1, 0}};
        assertArrayEquals(vertical, Life.step(CONWAY, blinker));
        assertArrayEquals(blinker, Life.run(CONWAY, blinker, 2));
        int[][] block = {{0, 0, 0, 0}, {0, 1, 1, 0}, {0, 1, 1, 0}, {0, 0, 0, 0}};
        assertArrayEquals(block, Life.run(CONWAY, block, 5));
    }

    @Test
    void aGliderCrossesTheEdgeOfATorusAndComesBack() {
        int[][] glider = {{0, 1, 0, 0, 0}, {0, 0, 1, 0, 0}, {1, 1, 1, 0, 0}, {0, 0, 0, 0, 0}, {0, 0, 0, 0, 0}};
        assertArrayEquals(glider, Life.run(TORUS, glider, 20), "one cell diagonally every 4 steps, 5 cells around");
        int[][] corner = {{0, 0, 0, 0, 0}, {0, 0, 0, 0, 0}, {0, 0, 0, 0, 0}, {0, 0, 0, 1, 1}, {0, 0, 0, 1, 1}};
        assertArrayEquals(corner, Life.run(CONWAY, glider, 20), "with a dead edge it ends as a block in the corner");
    }

    @Test
    void vonNeumannCountsOnlyOrthogonalNeighbours() {
        Game firner = Game.conway(Neighbourhood.VON_NEUMANN);
        int[][] diagonals = {{1, 0, 1}, {0, 0, 0}, {1, 0, 1}};
        assertArrayEquals(new int[3][3], Life.step(firner, diagonals), "no cell has an orthogonal live neighbour");
        int[][] cross = {{0, 1, 0}, {1, 0, 1}, {0, 0, 0}};
        assertEquals(1, Life.step(firner, cross)[1][1], "three orthogonal neighbours: a birth");
    }

    @Test
    void cellsAndBoardsRoundTrip() {
        int[][][] boards = Life.random(7, new BoardShape(3, 4), 0.5, 11);
        assertArrayEquals(boards, Life.boards(Life.cells(boards), new BoardShape(3, 4)));
        assertEquals(512, Life.allPatterns().length);
    }
}
