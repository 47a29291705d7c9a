package org.minima.launcher;

/**
 * The data baseline computed exactly, by enumerating every board of a small size (p = 0.5 makes all boards equally
 * likely) and running Conway's rule with a direct implementation written independently of the gol-data bundle.
 */
final class ExactBaseline {

    /**
     * Exact probabilities (and the per-board variance of the live fraction) after n steps.
     *
     * @param deadShare          probability that the board is entirely dead
     * @param meanLiveFraction   expected fraction of live cells
     * @param liveFractionSd     standard deviation of a board's live fraction
     * @param unchangedShare     probability that the board equals its state at n − 1
     */
    record Stats(double deadShare, double meanLiveFraction, double liveFractionSd, double unchangedShare) {
    }

    private ExactBaseline() {
    }

    /** Statistics for steps 1..maxSteps on height×width boards (height·width ≤ 20). */
    static Stats[] compute(int height, int width, boolean moore, boolean torus, int maxSteps) {
        int cells = height * width;
        long boards = 1L << cells;
        double[] dead = new double[maxSteps + 1];
        double[] live = new double[maxSteps + 1];
        double[] liveSquared = new double[maxSteps + 1];
        double[] unchanged = new double[maxSteps + 1];
        for (long code = 0; code < boards; code++) {
            boolean[] board = new boolean[cells];
            for (int c = 0; c < cells; c++) {
                board[c] = (code >> c & 1) == 1;
            }
            for (int n = 1; n <= maxSteps; n++) {
                boolean[] next = step(board, height, width, moore, torus);
                double fraction = count(next) / (double) cells;
                dead[n] += count(next) == 0 ? 1 : 0;
                live[n] += fraction;
                liveSquared[n] += fraction * fraction;
                unchanged[n] += java.util.Arrays.equals(board, next) ? 1 : 0;
                board = next;
            }
        }
        Stats[] stats = new Stats[maxSteps + 1];
        for (int n = 1; n <= maxSteps; n++) {
            double mean = live[n] / boards;
            double variance = Math.max(0, liveSquared[n] / boards - mean * mean);
            stats[n] = new Stats(dead[n] / boards, mean, Math.sqrt(variance), unchanged[n] / boards);
        }
        return stats;
    }

    private static boolean[] step(boolean[] board, int height, int width, boolean moore, boolean torus) {
        boolean[] next = new boolean[board.length];
        for (int r = 0; r < height; r++) {
            for (int c = 0; c < width; c++) {
                int neighbours = 0;
                for (int dr = -1; dr <= 1; dr++) {
                    for (int dc = -1; dc <= 1; dc++) {
                        boolean orthogonal = Math.abs(dr) + Math.abs(dc) == 1;
                        boolean counted = (dr != 0 || dc != 0) && (moore || orthogonal);
                        if (counted && alive(board, height, width, r + dr, c + dc, torus)) {
                            neighbours++;
                        }
                    }
                }
                boolean alive = board[r * width + c];
                next[r * width + c] = neighbours == 3 || (alive && neighbours == 2);
            }
        }
        return next;
    }

    private static boolean alive(boolean[] board, int height, int width, int r, int c, boolean torus) {
        if (torus) {
            return board[Math.floorMod(r, height) * width + Math.floorMod(c, width)];
        }
        return r >= 0 && r < height && c >= 0 && c < width && board[r * width + c];
    }

    private static int count(boolean[] board) {
        int n = 0;
        for (boolean b : board) {
            n += b ? 1 : 0;
        }
        return n;
    }
}
