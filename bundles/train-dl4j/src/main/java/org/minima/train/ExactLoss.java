package org.minima.train;

/**
 * Binary cross-entropy from logits, averaged over cells, in double: softplus(z) − y·z summed per cell as
 * max(z, 0) − y·z + log1p(e^−|z|), which is never negative, so nothing cancels. ND4J's float32 SoftPlus and Log1p
 * round to zero below e^−17, and summing softplus and y·z separately cancels to nothing once a model fits its
 * boards: exactly where the curve matters.
 */
final class ExactLoss {

    private ExactLoss() {
    }

    static double mean(float[] logits, float[] targets) {
        double sum = 0;
        for (int i = 0; i < logits.length; i++) {
            double z = logits[i];
            sum += Math.max(z, 0) - targets[i] * z + Math.log1p(Math.exp(-Math.abs(z)));
        }
        return sum / logits.length;
    }
}
