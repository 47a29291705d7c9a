package org.minima.eval;

/**
 * The counts behind one evaluation: boards and cells a network got exactly right, and those that a network always
 * predicting "dead" gets right on the same boards.
 *
 * @param boards      boards scored, at least 1
 * @param exactBoards boards whose every cell was predicted right
 * @param cells       cells scored
 * @param rightCells  cells predicted right
 * @param emptyBoards boards whose target has no live cell
 * @param deadCells   target cells that are dead
 */
record Score(int boards, int exactBoards, long cells, long rightCells, int emptyBoards, long deadCells) {

    /**
     * Scores network outputs against targets, both row-major {@code [board][row][column]}.
     *
     * <p>A cell is predicted alive when its output is at least 0.5. That is the protocol's "clamp to [0, 1], then
     * round" with 0.5 rounding up, without materialising the rounded board. An output of NaN is never right: a
     * diverged network must not score on dead cells by accident.
     *
     * @param output        network outputs, one per cell
     * @param target        targets, 1 alive and 0 dead, one per cell
     * @param boards        number of boards, at least 1
     * @param cellsPerBoard cells per board
     */
    static Score of(float[] output, float[] target, int boards, int cellsPerBoard) {
        if (boards < 1) {
            throw new IllegalArgumentException("cannot score " + boards + " boards: need at least one");
        }
        long cells = (long) boards * cellsPerBoard;
        if (output.length != cells || target.length != cells) {
            throw new IllegalArgumentException("outputs (" + output.length + ") and targets (" + target.length
                    + ") must both hold " + boards + " boards of " + cellsPerBoard + " cells");
        }
        int exactBoards = 0;
        int emptyBoards = 0;
        long rightCells = 0;
        long deadCells = 0;
        for (int b = 0; b < boards; b++) {
            int right = 0;
            int dead = 0;
            for (int c = b * cellsPerBoard, end = c + cellsPerBoard; c < end; c++) {
                boolean alive = target[c] > 0.5f;
                float out = output[c];
                right += (alive ? out >= 0.5f : out < 0.5f) ? 1 : 0;
                dead += alive ? 0 : 1;
            }
            exactBoards += right == cellsPerBoard ? 1 : 0;
            emptyBoards += dead == cellsPerBoard ? 1 : 0;
            rightCells += right;
            deadCells += dead;
        }
        return new Score(boards, exactBoards, cells, rightCells, emptyBoards, deadCells);
    }

    /** Whether every board is exactly right: the protocol's model success. */
    boolean success() {
        return exactBoards == boards;
    }

    double boardExact() {
        return (double) exactBoards / boards;
    }

    double cellAccuracy() {
        return (double) rightCells / cells;
    }

    /** Board-exact fraction of the all-dead prediction. */
    double emptyBoardExact() {
        return (double) emptyBoards / boards;
    }

    /** Cell accuracy of the all-dead prediction. */
    double emptyCellAccuracy() {
        return (double) deadCells / cells;
    }
}
