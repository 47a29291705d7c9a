package org.minima.walk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;

import org.junit.jupiter.api.Test;

class TorchLossTest {

    /** PyTorch's BCELoss cell by cell: −(y·max(log p, −100) + (1 − y)·max(log(1 − p), −100)). */
    private static double perCell(float[] p, float[] y) {
        double sum = 0;
        for (int c = 0; c < p.length; c++) {
            sum -= y[c] * Math.max(Math.log(p[c]), -100) + (1 - y[c]) * Math.max(Math.log1p(-(double) p[c]), -100);
        }
        return sum / p.length;
    }

    /** A float32 sigmoid as PyTorch's CPU kernel computes it: 1 / (1 + exp(−z)), every step rounded to float. */
    private static float sigmoid(float z) {
        return 1f / (1f + (float) Math.exp(-z));
    }

    @Test
    void aDeadCellWhoseProbabilityRoundsToOneCostsOneHundredNats() {
        assertEquals(1f, sigmoid(16.7f), "above about 16.6 the float32 sigmoid is exactly 1");
        assertTrue(sigmoid(16.5f) < 1f, "below it, it is not");
        TorchLoss loss = new TorchLoss();
        loss.add(new float[] {sigmoid(16.7f), sigmoid(-120f), 0f}, new float[] {0f, 1f, 1f});
        assertEquals(100, loss.mean(), 1e-12, "each cell hits the clamp");
    }

    @Test
    void equalsPytorchsFormulaCellByCellOverManyCellsAndChunks() {
        Random random = new Random(3);
        TorchLoss loss = new TorchLoss();
        float[] allP = new float[30_000];
        float[] allY = new float[allP.length];
        for (int chunk = 0; chunk < 3; chunk++) {
            float[] p = new float[10_000];
            float[] y = new float[p.length];
            for (int c = 0; c < p.length; c++) {
                // logits from confidently right to confidently wrong, some past the float32 rounding to 0 and 1
                p[c] = sigmoid((float) (random.nextGaussian() * 12));
                y[c] = random.nextBoolean() ? 1f : 0f;
            }
            loss.add(p, y);
            System.arraycopy(p, 0, allP, chunk * p.length, p.length);
            System.arraycopy(y, 0, allY, chunk * y.length, y.length);
        }
        double expected = perCell(allP, allY);
        assertEquals(expected, loss.mean(), 1e-12 * expected);
    }
}
