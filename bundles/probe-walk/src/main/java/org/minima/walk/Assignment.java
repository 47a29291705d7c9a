package org.minima.walk;

import java.util.Arrays;

/**
 * The assignment problem: for a square cost matrix, the permutation of columns over rows with the least total cost,
 * by the Hungarian method with potentials (Kuhn–Munkres, O(n³)). Exact for finite costs.
 */
final class Assignment {

    private Assignment() {
    }

    /**
     * The column assigned to each row.
     *
     * @param cost {@code cost[row][column]}, square, finite
     */
    static int[] minimise(double[][] cost) {
        int n = cost.length;
        // 1-based arrays as in the textbook formulation; column 0 is the virtual start
        double[] rowPotential = new double[n + 1];
        double[] columnPotential = new double[n + 1];
        int[] rowOfColumn = new int[n + 1];
        int[] previous = new int[n + 1];
        for (int row = 1; row <= n; row++) {
            rowOfColumn[0] = row;
            int column = 0;
            double[] slack = new double[n + 1];
            Arrays.fill(slack, Double.POSITIVE_INFINITY);
            boolean[] used = new boolean[n + 1];
            do {
                used[column] = true;
                int current = rowOfColumn[column];
                double delta = Double.POSITIVE_INFINITY;
                int next = 0;
                for (int j = 1; j <= n; j++) {
                    if (!used[j]) {
                        double reduced = cost[current - 1][j - 1] - rowPotential[current] - columnPotential[j];
                        if (reduced < slack[j]) {
                            slack[j] = reduced;
                            previous[j] = column;
                        }
                        if (slack[j] < delta) {
                            delta = slack[j];
                            next = j;
                        }
                    }
                }
                for (int j = 0; j <= n; j++) {
                    if (used[j]) {
                        rowPotential[rowOfColumn[j]] += delta;
                        columnPotential[j] -= delta;
                    } else {
                        slack[j] -= delta;
                    }
                }
                column = next;
            } while (rowOfColumn[column] != 0);
            do {
                int before = previous[column];
                rowOfColumn[column] = rowOfColumn[before];
                column = before;
            } while (column != 0);
        }
        int[] assigned = new int[n];
        for (int column = 1; column <= n; column++) {
            assigned[rowOfColumn[column] - 1] = column - 1;
        }
        return assigned;
    }
}
