package org.minima.baseline;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class BoardStatisticsTest {

    @Test
    void countsDeadBoardsLiveCellsAndUnchangedBoards() {
        BoardStatistics stats = new BoardStatistics();
        // three 2-cell boards: dead and unchanged; alive and changed; half alive and unchanged
        float[] previous = {0, 0, 1, 0, 1, 0};
        float[] current = {0, 0, 1, 1, 1, 0};
        stats.add(previous, current, 3, 2);
        assertEquals(3, stats.boards());
        assertEquals(1.0 / 3, stats.deadShare(), 1e-12);
        assertEquals(3.0 / 6, stats.meanLiveFraction(), 1e-12);
        assertEquals(2.0 / 3, stats.unchangedShare(), 1e-12);
    }
}
