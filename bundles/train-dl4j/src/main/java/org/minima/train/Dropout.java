package org.minima.train;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Channel dropout as PyTorch's {@code Dropout2d} in Firner's {@code --normalize} protocol: during training, each
 * board's channel of a dropped layer is zeroed with probability p and otherwise scaled by 1/(1 − p), a fresh draw at
 * every step; evaluation and probes never drop. The draws come from the model seed, so a run is reproducible.
 *
 * @param probability p, from 0 (no dropout) to below 1
 * @param seed        the seed of the draws
 */
record Dropout(double probability, long seed) {

    /** No dropout. */
    static final Dropout NONE = new Dropout(0, 0);

    Dropout {
        if (probability < 0 || probability >= 1) {
            throw new IllegalArgumentException("dropout probability " + probability + " is not in [0, 1)");
        }
    }

    boolean active() {
        return probability > 0;
    }

    /** The draws' generator, salted apart from the model's other draws of the same seed. */
    SplittableRandom random() {
        return new SplittableRandom(seed ^ 0x64726F70L);
    }

    /**
     * Fills {@code mask} [channels × boards·pixels, row-major by channel] with one keep-or-drop draw per channel and
     * board: 1/(1 − p) kept, 0 dropped.
     */
    void fill(float[] mask, int channels, int boards, int pixels, SplittableRandom random) {
        float kept = (float) (1 / (1 - probability));
        for (int c = 0; c < channels; c++) {
            for (int b = 0; b < boards; b++) {
                float value = random.nextDouble() < probability ? 0f : kept;
                int from = (c * boards + b) * pixels;
                Arrays.fill(mask, from, from + pixels, value);
            }
        }
    }
}
