package org.minima.walk;

import java.util.SplittableRandom;

import org.minima.api.model.LayerParams;
import org.minima.api.model.ParameterLayout;
import org.minima.api.model.ParameterVector;

/**
 * Random directions normalised per filter (Li et al. 2018): Gaussian weights, rescaled so that each filter — the
 * incoming weights of one output channel of one layer — has the norm of the same filter at the centre, biases zero.
 * Slices along such directions are comparable between networks of different scales.
 */
final class Directions {

    private Directions() {
    }

    /** A direction for {@code centre}, a pure function of {@code seed}. */
    static float[] filterNormalised(ParameterLayout layout, ParameterVector centre, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        float[] direction = new float[layout.size()];
        for (LayerParams layer : layout.layers()) {
            int fan = layer.fanIn();
            for (int o = 0; o < layer.out(); o++) {
                int first = layer.weightOffset() + o * fan;
                double drawn = 0;
                double target = 0;
                for (int k = first; k < first + fan; k++) {
                    direction[k] = (float) random.nextGaussian();
                    drawn += (double) direction[k] * direction[k];
                    target += (double) centre.get(k) * centre.get(k);
                }
                double scale = drawn == 0 ? 0 : Math.sqrt(target / drawn);
                for (int k = first; k < first + fan; k++) {
                    direction[k] = (float) (direction[k] * scale);
                }
            }
        }
        return direction;
    }

    /** centre + x·first + y·second, per element in double, rounded to float. */
    static ParameterVector at(ParameterVector centre, float[] first, float[] second, double x, double y) {
        float[] out = centre.toArray();
        for (int i = 0; i < out.length; i++) {
            out[i] = (float) (out[i] + x * first[i] + y * second[i]);
        }
        return ParameterVector.of(out);
    }
}
