package org.minima.testkit;

import java.util.SplittableRandom;

import org.minima.api.model.ParameterLayout;
import org.minima.api.model.ParameterVector;

/** Arbitrary parameters for tests that need some network, not a particular initialisation. */
public final class RandomParameters {

    private RandomParameters() {
    }

    /** Every parameter of {@code layout} drawn from N(0, sigma²), a pure function of the seed. */
    public static ParameterVector gaussian(ParameterLayout layout, double sigma, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        float[] values = new float[layout.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = (float) (sigma * random.nextGaussian());
        }
        return ParameterVector.of(values);
    }
}
