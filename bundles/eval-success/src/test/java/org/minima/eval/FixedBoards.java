package org.minima.eval;

import org.minima.api.data.BoardShape;
import org.minima.api.data.Boards;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** Hand-made boards: one step from {@code start} to {@code end}, row-major {@code [board][row][column]}. */
record FixedBoards(BoardShape shape, float[] start, float[] end) implements Boards {

    @Override
    public int count() {
        return start.length / shape.cells();
    }

    @Override
    public int steps() {
        return 1;
    }

    @Override
    public float[] cells(int step) {
        return switch (step) {
            case 0 -> start.clone();
            case 1 -> end.clone();
            default -> throw new IndexOutOfBoundsException("step " + step);
        };
    }

    @Override
    public INDArray state(int step) {
        return Nd4j.create(cells(step), new long[] {count(), 1, shape.height(), shape.width()}, 'c');
    }
}
