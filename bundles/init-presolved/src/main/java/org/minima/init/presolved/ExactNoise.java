package org.minima.init.presolved;

import java.util.List;
import java.util.SplittableRandom;

import org.minima.api.OptionSpec;
import org.minima.api.OptionType;
import org.minima.api.Plugin;
import org.minima.api.init.InitRequest;
import org.minima.api.init.Initialization;
import org.minima.api.init.Initializer;
import org.minima.api.model.LayerParams;
import org.minima.api.model.ParameterVector;
import org.osgi.service.component.annotations.Component;

/**
 * A basin probe's start, as the {@link Initializer} {@code exact-noise}: the whole exact solution plus independent
 * Gaussian noise on every weight and bias, N(0, s²) with s = {@code sigma} ({@code scale = absolute}) or, by default
 * ({@code scale = relative}), s = sigma × the root mean square of that layer's exact weights, so every layer is
 * disturbed in proportion to its own size (the exact solution's layers differ in scale by orders of magnitude: a
 * head at margin 10 against 3×3 weights of 1). The noise is drawn from the model seed; nothing is frozen.
 */
@Component(service = Initializer.class, property = Plugin.NAME + "=" + ExactNoise.NAME)
public final class ExactNoise extends ExactStart {

    static final String NAME = "exact-noise";
    static final String SIGMA = "sigma";
    static final String SCALE = "scale";
    static final String RELATIVE = "relative";
    static final String ABSOLUTE = "absolute";
    /** Keeps the noise's generator apart from the other draws of the same seed. */
    private static final long SALT = 0x6E6F697365L;

    @Override
    public String description() {
        return "The exact solution plus Gaussian noise of scale sigma, per layer relative to its weights' RMS or"
                + " absolute, drawn from the model seed";
    }

    @Override
    List<OptionSpec> ownOptions() {
        return List.of(
                OptionSpec.number(SIGMA, OptionType.DOUBLE, "0.1", 0.0, 1000.0,
                        "Noise scale: the standard deviation (absolute) or its ratio to each layer's weight RMS."),
                OptionSpec.choice(SCALE, RELATIVE, List.of(RELATIVE, ABSOLUTE),
                        "relative: per layer, sigma times the RMS of its exact weights; absolute: sigma itself."));
    }

    @Override
    public Initialization initialise(InitRequest request) {
        float[] values = exact(request).parameters().toArray();
        double sigma = request.options().getDouble(SIGMA);
        boolean relative = request.options().getString(SCALE).equals(RELATIVE);
        SplittableRandom random = new SplittableRandom(request.seed() ^ SALT);
        for (LayerParams layer : request.layout().layers()) {
            double scale = relative ? sigma * rms(values, layer) : sigma;
            for (int i = layer.weightOffset(); i < layer.weightOffset() + layer.weightCount(); i++) {
                values[i] += (float) (scale * random.nextGaussian());
            }
            for (int i = layer.biasOffset(); i < layer.biasOffset() + layer.out(); i++) {
                values[i] += (float) (scale * random.nextGaussian());
            }
        }
        return Initialization.trainable(ParameterVector.of(values));
    }

    /** √(mean of the squares) of {@code layer}'s weights. */
    static double rms(float[] values, LayerParams layer) {
        double sum = 0;
        for (int i = layer.weightOffset(); i < layer.weightOffset() + layer.weightCount(); i++) {
            sum += (double) values[i] * values[i];
        }
        return Math.sqrt(sum / layer.weightCount());
    }
}
