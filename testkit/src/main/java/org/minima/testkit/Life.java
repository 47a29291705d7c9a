package org.minima.testkit;

import java.util.SplittableRandom;

import org.minima.api.data.BoardShape;
import org.minima.api.data.Boundary;
import org.minima.api.data.Game;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The reference Game of Life for tests, written the slow, obvious way: one cell at a time, counting neighbours with
 * plain loops, for any rule, neighbourhood and boundary. It shares nothing with the {@code gol-data} bundle but the
 * API's value types, so agreement between the two means something. Boards are {@code int[row][column]}, 1 alive.
 */
public final class Life {

    private Life() {
    }

    /** {@code board} after one step of {@code game}. */
    public static int[][] step(Game game, int[][] board) {
        int height = board.length;
        int width = board[0].length;
        int[][] next = new int[height][width];
        for (int r = 0; r < height; r++) {
            for (int c = 0; c < width; c++) {
                boolean alive = board[r][c] == 1;
                next[r][c] = game.rule().next(alive, neighbours(game, board, r, c)) ? 1 : 0;
            }
        }
        return next;
    }

    /** {@code board} after {@code steps} steps. */
    public static int[][] run(Game game, int[][] board, int steps) {
        int[][] state = board;
        for (int i = 0; i < steps; i++) {
            state = step(game, state);
        }
        return state;
    }

    /** Every board after {@code steps} steps. */
    public static int[][][] run(Game game, int[][][] boards, int steps) {
        int[][][] out = new int[boards.length][][];
        for (int i = 0; i < boards.length; i++) {
            out[i] = run(game, boards[i], steps);
        }
        return out;
    }

    /**
     * Boards given as row-major cells {@code [board][row][column]} (as {@link org.minima.api.data.Boards#cells}
     * gives them) after {@code steps} steps, in the same form.
     */
    public static float[] run(Game game, BoardShape shape, float[] cells, int steps) {
        return cells(run(game, boards(cells, shape), steps));
    }

    /** {@code count} boards with every cell alive independently with probability {@code p}. */
    public static int[][][] random(int count, BoardShape shape, double p, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        int[][][] boards = new int[count][shape.height()][shape.width()];
        for (int[][] board : boards) {
            for (int[] row : board) {
                for (int c = 0; c < row.length; c++) {
                    row[c] = random.nextDouble() < p ? 1 : 0;
                }
            }
        }
        return boards;
    }

    /**
     * Every 3×3 pattern (bit k of the index is cell k in row-major order) in the middle of an otherwise dead 5×5
     * board: all 512 one-step situations of a cell under a dead boundary, each at the board's centre.
     */
    public static int[][][] allPatterns() {
        int[][][] boards = new int[512][5][5];
        for (int p = 0; p < 512; p++) {
            for (int k = 0; k < 9; k++) {
                boards[p][1 + k / 3][1 + k % 3] = (p >> k) & 1;
            }
        }
        return boards;
    }

    /** Boards from row-major cells {@code [board][row][column]}, as a {@link org.minima.api.data.Boards} gives them. */
    public static int[][][] boards(float[] cells, BoardShape shape) {
        int count = cells.length / shape.cells();
        int[][][] boards = new int[count][shape.height()][shape.width()];
        int k = 0;
        for (int[][] board : boards) {
            for (int[] row : board) {
                for (int c = 0; c < row.length; c++) {
                    row[c] = Math.round(cells[k++]);
                }
            }
        }
        return boards;
    }

    /** The boards as row-major cells {@code [board][row][column]}. */
    public static float[] cells(int[][][] boards) {
        float[] flat = new float[boards.length * boards[0].length * boards[0][0].length];
        int k = 0;
        for (int[][] board : boards) {
            for (int[] row : board) {
                for (int v : row) {
                    flat[k++] = v;
                }
            }
        }
        return flat;
    }

    /** The boards as a network input, an ND4J float array of shape {@code [count, 1, height, width]}. */
    public static INDArray array(int[][][] boards) {
        return Nd4j.createFromArray(cells(boards)).reshape(boards.length, 1, boards[0].length, boards[0][0].length);
    }

    /**
     * Live neighbours of cell (r, c). On a torus each offset wraps on its own, so on a torus narrower than 3 cells
     * one cell can count twice, as the rule's neighbourhood says literally.
     */
    private static int neighbours(Game game, int[][] board, int r, int c) {
        int height = board.length;
        int width = board[0].length;
        boolean torus = game.boundary() == Boundary.TOROIDAL;
        int n = 0;
        for (int dr = -1; dr <= 1; dr++) {
            for (int dc = -1; dc <= 1; dc++) {
                if (!game.neighbourhood().contains(dr, dc)) {
                    continue;
                }
                int rr = torus ? Math.floorMod(r + dr, height) : r + dr;
                int cc = torus ? Math.floorMod(c + dc, width) : c + dc;
                if (rr >= 0 && rr < height && cc >= 0 && cc < width) {
                    n += board[rr][cc];
                }
            }
        }
        return n;
    }
}
