package org.minima.exact;

import java.util.SplittableRandom;

import org.minima.api.data.Neighbourhood;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** Ground truth: Conway's B3/S23 stepped cell by cell on boards with a dead boundary. */
final class Life {

    private Life() {
    }

    static int[][] step(int[][] board, Neighbourhood neighbourhood) {
        boolean[][] counts = new boolean[3][3];
        for (int dr = -1; dr <= 1; dr++) {
            for (int dc = -1; dc <= 1; dc++) {
                counts[dr + 1][dc + 1] = neighbourhood.contains(dr, dc);
            }
        }
        int h = board.length;
        int w = board[0].length;
        int[][] next = new int[h][w];
        for (int r = 0; r < h; r++) {
            for (int c = 0; c < w; c++) {
                int n = 0;
                for (int dr = -1; dr <= 1; dr++) {
                    for (int dc = -1; dc <= 1; dc++) {
                        int rr = r + dr;
                        int cc = c + dc;
                        if (counts[dr + 1][dc + 1] && rr >= 0 && rr < h && cc >= 0 && cc < w) {
                            n += board[rr][cc];
                        }
                    }
                }
                next[r][c] = n == 3 || (n == 2 && board[r][c] == 1) ? 1 : 0;
            }
        }
        return next;
    }

    static int[][][] step(int[][][] boards, Neighbourhood neighbourhood, int steps) {
        int[][][] out = new int[boards.length][][];
        for (int i = 0; i < boards.length; i++) {
            out[i] = boards[i];
            for (int s = 0; s < steps; s++) {
                out[i] = step(out[i], neighbourhood);
            }
        }
        return out;
    }

    static int[][][] random(int count, int size, double density, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        int[][][] boards = new int[count][size][size];
        for (int[][] board : boards) {
            for (int[] row : board) {
                for (int c = 0; c < size; c++) {
                    row[c] = random.nextDouble() < density ? 1 : 0;
                }
            }
        }
        return boards;
    }

    /** Every 3×3 pattern (bit k of the index is cell k in row-major order) in the middle of an otherwise dead 5×5. */
    static int[][][] allPatterns() {
        int[][][] boards = new int[512][5][5];
        for (int p = 0; p < 512; p++) {
            for (int k = 0; k < 9; k++) {
                boards[p][1 + k / 3][1 + k % 3] = (p >> k) & 1;
            }
        }
        return boards;
    }

    static INDArray array(int[][][] boards) {
        int h = boards[0].length;
        int w = boards[0][0].length;
        float[] flat = new float[boards.length * h * w];
        int k = 0;
        for (int[][] board : boards) {
            for (int[] row : board) {
                for (int v : row) {
                    flat[k++] = v;
                }
            }
        }
        return Nd4j.createFromArray(flat).reshape(boards.length, 1, h, w);
    }
}
