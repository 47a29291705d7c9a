package org.minima.arch;

import java.util.Arrays;
import java.util.SplittableRandom;

import org.minima.api.model.LayerParams;
import org.minima.api.model.ParameterLayout;
import org.minima.api.model.ParameterVector;

/** PyTorch's default for convolutions: every weight and bias of a layer with fan-in f from U(−1/√f, +1/√f). */
final class PyTorchInit {

    private PyTorchInit() {
    }

    /**
     * Draws one value per flat index in ascending order from one generator seeded with {@code seed}, so the result
     * depends on nothing but the layout and the seed.
     */
    static ParameterVector draw(ParameterLayout layout, long seed) {
        double[] bound = new double[layout.size()];
        for (LayerParams l : layout.layers()) {
            double b = 1 / Math.sqrt(l.fanIn());
            Arrays.fill(bound, l.weightOffset(), l.weightOffset() + l.weightCount(), b);
            Arrays.fill(bound, l.biasOffset(), l.biasOffset() + l.out(), b);
        }
        SplittableRandom random = new SplittableRandom(seed);
        float[] values = new float[bound.length];
        for (int i = 0; i < values.length; i++) {
            values[i] = (float) random.nextDouble(-bound[i], bound[i]);
        }
        return ParameterVector.of(values);
    }
}
