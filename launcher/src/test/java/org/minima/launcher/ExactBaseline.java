package org.minima.launcher;

import java.util.Arrays;

import org.minima.api.data.BoardShape;
import org.minima.api.data.Game;
import org.minima.testkit.Life;

/**
 * The data baseline computed exactly, by enumerating every board of a small size (p = 0.5 makes all boards equally
 * likely) and running it with the test kit's reference Game of Life, written independently of the gol-data bundle.
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

    /** Statistics for steps 1..maxSteps of {@code game} on boards of {@code shape} (at most 20 cells). */
    static Stats[] compute(Game game, BoardShape shape, int maxSteps) {
        int cells = shape.cells();
        long boards = 1L << cells;
        double[] dead = new double[maxSteps + 1];
        double[] live = new double[maxSteps + 1];
        double[] liveSquared = new double[maxSteps + 1];
        double[] unchanged = new double[maxSteps + 1];
        for (long code = 0; code < boards; code++) {
            int[][] board = new int[shape.height()][shape.width()];
            for (int c = 0; c < cells; c++) {
                board[c / shape.width()][c % shape.width()] = (int) (code >> c & 1);
            }
            for (int n = 1; n <= maxSteps; n++) {
                int[][] next = Life.step(game, board);
                int alive = Arrays.stream(next).flatMapToInt(Arrays::stream).sum();
                double fraction = alive / (double) cells;
                dead[n] += alive == 0 ? 1 : 0;
                live[n] += fraction;
                liveSquared[n] += fraction * fraction;
                unchanged[n] += Arrays.deepEquals(board, next) ? 1 : 0;
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
}
