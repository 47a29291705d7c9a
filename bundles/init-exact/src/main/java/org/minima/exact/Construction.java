package org.minima.exact;

import org.minima.api.data.Neighbourhood;
import org.minima.api.model.LayerParams;

/**
 * The known exact one-step blocks (REFERENCE section 4). Each writes a block's 3×3 layer and the 1×1 after it, reading
 * the board from input channel 0 and leaving its result in channel 0; with s = N + c/2 (N live neighbours, c the
 * cell) the next state is alive exactly for s in {2.5, 3, 3.5}.
 */
enum Construction {

    /**
     * Firner's: two filters mask·x with centre ½, biases −2 and −3.5; 1×1 weights (−2, +10), bias +1 gives 0 exactly
     * where the cell lives and at least 1 elsewhere, so it needs one more 1×1 (or the head) to become a board.
     */
    F(10, 2, Integer.MAX_VALUE, 1, 2, "with leaky-relu the 1% leak of negative units moves its outputs off 0/1 "
            + "(dead cells down to -0.75 in the moore neighbourhood, -0.11 in von neumann) and later steps miscount "
            + "neighbours") {
        @Override
        State step(Weights w, LayerParams conv, LayerParams mix, Neighbourhood neighbourhood) {
            w.kernel(conv, 0, neighbourhood, 1, 0.5);
            w.bias(conv, 0, -2);
            w.kernel(conv, 1, neighbourhood, 1, 0.5);
            w.bias(conv, 1, -3.5);
            w.weight(mix, 0, 0, -2);
            w.weight(mix, 0, 1, 10);
            w.bias(mix, 0, 1);
            return State.INVERTED;
        }
    },

    /**
     * Springer &amp; Kenyon's: A = ones with centre 0.1, bias −3; B = all ones, bias −2; 1×1 weights (−10, +1). 0.1 is
     * no binary fraction: the largest float32 deviation from 0/1 grows about 27× per step and reaches 0.5 at step 5.
     */
    S(20, 2, 4, 1, 1, "0.1 is no binary fraction (S8 is the float-exact variant), so float32 rounding errors grow "
            + "about 27x per step (measured largest deviations from 0/1: 1e-6, 3e-5, 7e-4, 0.02, 0.49 after steps 1 "
            + "to 5), and with leaky-relu dead cells come out as up to 0.28, which miscounts the next step's "
            + "neighbours") {
        @Override
        State step(Weights w, LayerParams conv, LayerParams mix, Neighbourhood neighbourhood) {
            return springerKenyon(w, conv, mix, neighbourhood, 0.1, 10);
        }
    },

    /** S with centre 0.125 and weights (−8, +1): every value is a binary fraction, so float32 is exact. */
    S8(20, 2, Integer.MAX_VALUE, 1, 1, "with leaky-relu the 1% leak of negative units lets dead cells come out "
            + "as up to 0.22, which miscounts the next step's neighbours") {
        @Override
        State step(Weights w, LayerParams conv, LayerParams mix, Neighbourhood neighbourhood) {
            return springerKenyon(w, conv, mix, neighbourhood, 0.125, 8);
        }
    },

    /**
     * Robust: four filters 4·(mask with centre ½), biases (−8.5, −9.5, −14.5, −15.5); 1×1 weights (+1, −1, −1, +1)
     * computes clamp(4s − 8.5, 0, 1) − clamp(4s − 14.5, 0, 1), exactly 0/1 whenever s is off by less than 0.125.
     */
    R(10, 4, Integer.MAX_VALUE, Integer.MAX_VALUE, Integer.MAX_VALUE, "") {
        @Override
        State step(Weights w, LayerParams conv, LayerParams mix, Neighbourhood neighbourhood) {
            double[] biases = {-8.5, -9.5, -14.5, -15.5};
            double[] signs = {1, -1, -1, 1};
            for (int k = 0; k < 4; k++) {
                w.kernel(conv, k, neighbourhood, 4, 2);
                w.bias(conv, k, biases[k]);
                w.weight(mix, 0, k, signs[k]);
            }
            return State.BOARD;
        }
    };

    private final double defaultMargin;
    private final int filters;
    /** Steps that stay right after rounding: with ReLU, and with LeakyReLU per neighbourhood (measured). */
    private final int reluSteps;
    private final int leakyMooreSteps;
    private final int leakyVonNeumannSteps;
    private final String limit;

    Construction(double defaultMargin, int filters, int reluSteps, int leakyMooreSteps, int leakyVonNeumannSteps,
                 String limit) {
        this.defaultMargin = defaultMargin;
        this.filters = filters;
        this.reluSteps = reluSteps;
        this.leakyMooreSteps = leakyMooreSteps;
        this.leakyVonNeumannSteps = leakyVonNeumannSteps;
        this.limit = limit;
    }

    /** Writes one GoL step into a block's 3×3 layer and the 1×1 layer after it. */
    abstract State step(Weights w, LayerParams conv, LayerParams mix, Neighbourhood neighbourhood);

    /** The head's logit magnitude REFERENCE gives (F: −20, +10; S: 40, −20), and the same scale for S8 and R. */
    double defaultMargin() {
        return defaultMargin;
    }

    /** The 3×3 filters one step needs. */
    int filters() {
        return filters;
    }

    /**
     * How many stacked steps stay right after rounding on every board in float32 (measured: see the README and
     * the tests).
     */
    int exactSteps(boolean leaky, Neighbourhood neighbourhood) {
        if (!leaky) {
            return reluSteps;
        }
        return neighbourhood == Neighbourhood.MOORE ? leakyMooreSteps : leakyVonNeumannSteps;
    }

    /** Why {@link #exactSteps} is limited. */
    String limit() {
        return limit;
    }

    private static State springerKenyon(Weights w, LayerParams conv, LayerParams mix, Neighbourhood neighbourhood,
                                        double centre, double inhibition) {
        w.kernel(conv, 0, neighbourhood, 1, centre);
        w.bias(conv, 0, -3);
        w.kernel(conv, 1, neighbourhood, 1, 1);
        w.bias(conv, 1, -2);
        w.weight(mix, 0, 0, -inhibition);
        w.weight(mix, 0, 1, 1);
        return State.BOARD;
    }
}
