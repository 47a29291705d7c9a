package org.minima.arch;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

/** The fast cross-entropy is the per-cell formula in double, to 10⁻¹², wherever the logits fall. */
class CrossEntropyTest {

    @Test
    void equalsThePerCellFormulaOnEitherSideOfTheSeriesThresholdAndAcrossManyGroups() {
        SplittableRandom random = new SplittableRandom(3);
        CrossEntropy crossEntropy = new CrossEntropy();
        for (double scale : new double[] {0.5, 5, 7, 20, 60}) {
            int cells = 5000;
            float[] logits = new float[cells];
            float[] targets = new float[cells];
            for (int i = 0; i < cells; i++) {
                logits[i] = (float) ((random.nextDouble() * 2 - 1) * scale);
                targets[i] = random.nextBoolean() ? 1 : 0;
            }
            double expected = perCell(logits, targets);
            assertEquals(expected, crossEntropy.mean(logits, targets), 1e-12 * expected, "logits up to " + scale);
        }
    }

    @Test
    void aRightPredictionAtALargeMarginKeepsItsDigits() {
        float[] logits = {-30, 30, -40, 40};
        float[] targets = {0, 1, 0, 1};
        double expected = (2 * Math.exp(-30) + 2 * Math.exp(-40)) / 4;
        assertEquals(expected, new CrossEntropy().mean(logits, targets), 1e-13 * expected);
    }

    private static double perCell(float[] logits, float[] targets) {
        double sum = 0;
        for (int i = 0; i < logits.length; i++) {
            double z = logits[i];
            sum += Math.max(z, 0) - targets[i] * z + Math.log1p(Math.exp(-Math.abs(z)));
        }
        return sum / logits.length;
    }
}
