package org.minima.walk;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

class AssignmentTest {

    @Test
    void solvesAKnownProblem() {
        double[][] cost = {{4, 1, 3}, {2, 0, 5}, {3, 2, 2}};
        // rows 0, 1, 2 take columns 1, 0, 2: 1 + 2 + 2 = 5, the least of the six permutations
        assertArrayEquals(new int[] {1, 0, 2}, Assignment.minimise(cost));
    }

    @Test
    void matchesBruteForceOnRandomMatrices() {
        SplittableRandom random = new SplittableRandom(5);
        for (int trial = 0; trial < 200; trial++) {
            int n = 1 + random.nextInt(6);
            double[][] cost = new double[n][n];
            for (double[] row : cost) {
                for (int j = 0; j < n; j++) {
                    row[j] = random.nextInt(10) - 3 + random.nextDouble();
                }
            }
            assertEquals(best(cost, 0, new boolean[n]), total(cost, Assignment.minimise(cost)), 1e-9);
        }
    }

    private static double total(double[][] cost, int[] columns) {
        double sum = 0;
        for (int row = 0; row < columns.length; row++) {
            sum += cost[row][columns[row]];
        }
        return sum;
    }

    private static double best(double[][] cost, int row, boolean[] taken) {
        if (row == cost.length) {
            return 0;
        }
        double best = Double.POSITIVE_INFINITY;
        for (int column = 0; column < cost.length; column++) {
            if (!taken[column]) {
                taken[column] = true;
                best = Math.min(best, cost[row][column] + best(cost, row + 1, taken));
                taken[column] = false;
            }
        }
        return best;
    }
}
