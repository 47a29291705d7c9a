package org.minima.baseline;

/**
 * Running sums of the baseline statistics for one step n: boards entirely dead, live cells, boards unchanged from
 * step n−1. Not thread-safe.
 */
final class BoardStatistics {

    private long boards;
    private long deadBoards;
    private long liveCells;
    private long cells;
    private long unchangedBoards;

    /** Adds {@code count} boards of {@code cellsPerBoard} cells, given their states at steps n−1 and n. */
    void add(float[] previous, float[] current, int count, int cellsPerBoard) {
        for (int b = 0; b < count; b++) {
            int offset = b * cellsPerBoard;
            int live = 0;
            boolean unchanged = true;
            for (int c = offset; c < offset + cellsPerBoard; c++) {
                live += current[c] > 0.5f ? 1 : 0;
                unchanged &= current[c] == previous[c];
            }
            deadBoards += live == 0 ? 1 : 0;
            unchangedBoards += unchanged ? 1 : 0;
            liveCells += live;
        }
        boards += count;
        cells += (long) count * cellsPerBoard;
    }

    long boards() {
        return boards;
    }

    /** Share of boards with no live cell. */
    double deadShare() {
        return (double) deadBoards / boards;
    }

    /** Mean over boards of the fraction of live cells. */
    double meanLiveFraction() {
        return (double) liveCells / cells;
    }

    /** Share of boards identical to their previous step. */
    double unchangedShare() {
        return (double) unchangedBoards / boards;
    }
}
