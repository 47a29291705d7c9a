package org.minima.walk;

/**
 * The mean binary cross-entropy as PyTorch's {@code BCELoss} computes it for Firner's network, whose last layer is a
 * float32 {@code Sigmoid}: from the probabilities p, each cell costs −log q of the probability q given to its true
 * state (p alive, 1 − p dead) with the log clamped at −100. A cell whose float32 probability is rounded to the wrong
 * extreme (a dead cell at a logit above about 16.6 rounds to p = 1) therefore costs 100 nats, where the loss on logits
 * ({@link EvaluationSet.Measures#loss}) keeps counting its margin. Accumulated in double, so it differs from
 * PyTorch's float32 sum only by float32 rounding.
 *
 * <p>One log per cell would cost more than the network; the probabilities given to the truth are multiplied instead
 * and the product's log is taken only before it could underflow, which is exact to double rounding.
 */
final class TorchLoss {

    /** PyTorch's clamp of each log in {@code BCELoss}. */
    static final double CLAMP = 100;
    /** The probability below which the clamp applies, e^−100. */
    private static final double CLAMPED_BELOW = Math.exp(-CLAMP);
    /** The product is folded into the sum of logs before it drops below this (a factor is at least e^−100). */
    private static final double FOLD_BELOW = 1e-200;

    private double logs;
    private double product = 1;
    private long cells;

    /** Adds the cells of {@code probabilities} against {@code targets} (0 or 1), both of the same length. */
    void add(float[] probabilities, float[] targets) {
        for (int c = 0; c < probabilities.length; c++) {
            double p = probabilities[c];
            double truth = targets[c] > 0.5f ? p : 1 - p;
            if (truth < CLAMPED_BELOW) {
                logs -= CLAMP;
                continue;
            }
            product *= truth;
            if (product < FOLD_BELOW) {
                logs += Math.log(product);
                product = 1;
            }
        }
        cells += probabilities.length;
    }

    /** The mean over every cell added; NaN before any. */
    double mean() {
        return -(logs + Math.log(product)) / cells;
    }
}
