package org.minima.arch;

import java.util.SplittableRandom;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** Random 0/1 boards, both as Java arrays (for the naive reference) and as a DL4J batch. */
record TestBoards(double[][][] cells) {

    static TestBoards random(int count, int size, double density, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[][][] cells = new double[count][size][size];
        for (double[][] board : cells) {
            for (double[] row : board) {
                for (int c = 0; c < size; c++) {
                    row[c] = random.nextDouble() < density ? 1 : 0;
                }
            }
        }
        return new TestBoards(cells);
    }

    INDArray array() {
        int n = cells.length;
        int h = cells[0].length;
        int w = cells[0][0].length;
        float[] flat = new float[n * h * w];
        int k = 0;
        for (double[][] board : cells) {
            for (double[] row : board) {
                for (double v : row) {
                    flat[k++] = (float) v;
                }
            }
        }
        return Nd4j.createFromArray(flat).reshape(n, 1, h, w);
    }
}
