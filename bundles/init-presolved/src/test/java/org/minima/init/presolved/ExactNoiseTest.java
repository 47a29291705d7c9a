package org.minima.init.presolved;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.minima.api.model.LayerParams;
import org.minima.api.model.ModelSpec;
import org.minima.api.model.ParameterVector;

/** The noise has the documented distribution per layer, relative or absolute, and is a function of the seed. */
class ExactNoiseTest {

    private static final ExactNoise NOISE = new ExactNoise();
    private static final ModelSpec SPEC = Starts.spec(2, 40);

    private static ParameterVector start(long seed, Map<String, String> options) {
        return NOISE.initialise(Starts.request(NOISE, SPEC, seed, options)).parameters();
    }

    @Test
    void relativeNoiseHasZeroMeanAndSigmaTimesEachLayersWeightRms() {
        ParameterVector exact = Starts.exact(SPEC).parameters();
        ParameterVector noisy = start(3, Map.of("sigma", "0.2"));
        for (LayerParams layer : Starts.FIRNER.layout(SPEC).layers()) {
            if (layer.weightCount() < 1000) {
                continue;  // too few draws for a tight check
            }
            double expected = 0.2 * ExactNoise.rms(exact.toArray(), layer);
            double[] moments = moments(exact, noisy, layer);
            double standardError = expected / Math.sqrt(layer.weightCount());
            assertEquals(0, moments[0], 5 * standardError, layer.name() + " mean");
            assertEquals(expected, moments[1], 5 * expected / Math.sqrt(2.0 * layer.weightCount()),
                    layer.name() + " spread");
        }
    }

    @Test
    void absoluteNoiseHasSigmaItselfAndTheSeedDecidesTheDraw() {
        ParameterVector exact = Starts.exact(SPEC).parameters();
        ParameterVector noisy = start(3, Map.of("sigma", "0.05", "scale", "absolute"));
        LayerParams widest = Starts.FIRNER.layout(SPEC).layers().stream()
                .max((a, b) -> Integer.compare(a.weightCount(), b.weightCount())).orElseThrow();
        assertEquals(0.05, moments(exact, noisy, widest)[1], 5 * 0.05 / Math.sqrt(2.0 * widest.weightCount()));
        assertEquals(noisy, start(3, Map.of("sigma", "0.05", "scale", "absolute")));
        assertNotEquals(noisy, start(4, Map.of("sigma", "0.05", "scale", "absolute")));
        assertEquals(exact, start(3, Map.of("sigma", "0")), "no noise: the exact solution itself");
    }

    /** Mean and standard deviation of noisy − exact over {@code layer}'s weights. */
    private static double[] moments(ParameterVector exact, ParameterVector noisy, LayerParams layer) {
        double sum = 0;
        double squares = 0;
        int count = layer.weightCount();
        for (int i = layer.weightOffset(); i < layer.weightOffset() + count; i++) {
            double d = (double) noisy.get(i) - exact.get(i);
            sum += d;
            squares += d * d;
        }
        double mean = sum / count;
        return new double[] {mean, Math.sqrt(squares / count - mean * mean)};
    }
}
