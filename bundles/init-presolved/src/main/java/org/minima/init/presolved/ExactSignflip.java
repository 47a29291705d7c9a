package org.minima.init.presolved;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.minima.api.InvalidOption;
import org.minima.api.OptionSpec;
import org.minima.api.OptionType;
import org.minima.api.Plugin;
import org.minima.api.Settings;
import org.minima.api.init.InitRequest;
import org.minima.api.init.Initialization;
import org.minima.api.init.Initializer;
import org.minima.api.model.ExactPoint;
import org.minima.api.model.LayerParams;
import org.minima.api.model.ParameterLayout;
import org.minima.api.model.ParameterVector;
import org.osgi.service.component.annotations.Component;

/**
 * Springer &amp; Kenyon's sign flips, as the {@link Initializer} {@code exact-signflip}: the exact solution with
 * {@code flips} of its non-zero weights (biases excluded) chosen uniformly without replacement from the model seed
 * and negated. Flipping a zero weight would change nothing, so only non-zero ones count; nothing is frozen.
 */
@Component(service = Initializer.class, property = Plugin.NAME + "=" + ExactSignflip.NAME)
public final class ExactSignflip extends ExactStart {

    static final String NAME = "exact-signflip";
    static final String FLIPS = "flips";
    /** Keeps the choice's generator apart from the other draws of the same seed. */
    private static final long SALT = 0x666C6970L;

    @Override
    public String description() {
        return "The exact solution with k of its non-zero weights, chosen from the model seed, sign-flipped";
    }

    @Override
    List<OptionSpec> ownOptions() {
        return List.of(OptionSpec.number(FLIPS, OptionType.INT, "1", 0.0, 1_000_000.0,
                "Non-zero weights whose sign is flipped (Springer & Kenyon: one can stop learning); 0: none."));
    }

    @Override
    void check(Settings settings, ParameterLayout layout, ExactPoint exact) {
        int nonZero = nonZeroWeights(layout, exact.parameters().toArray()).size();
        if (settings.getInt(FLIPS) > nonZero) {
            throw new InvalidOption(FLIPS, settings.getInt(FLIPS) + " flips, but the exact solution " + exact
                    .construction() + " has only " + nonZero + " non-zero weights in a network of the grid ("
                    + layout.size() + " parameters)");
        }
    }

    @Override
    public Initialization initialise(InitRequest request) {
        float[] values = exact(request).parameters().toArray();
        List<Integer> nonZero = nonZeroWeights(request.layout(), values);
        int flips = request.options().getInt(FLIPS);
        if (flips > nonZero.size()) {
            throw new IllegalArgumentException(NAME + ": " + flips + " flips asked, but the exact solution has only "
                    + nonZero.size() + " non-zero weights");
        }
        SplittableRandom random = new SplittableRandom(request.seed() ^ SALT);
        for (int k = 0; k < flips; k++) {
            int pick = k + random.nextInt(nonZero.size() - k);
            int index = nonZero.set(pick, nonZero.get(k));
            nonZero.set(k, index);
            values[index] = -values[index];
        }
        return Initialization.trainable(ParameterVector.of(values));
    }

    /** The flat indices of the weights (not biases) of {@code values} that are not zero, in ascending order. */
    static List<Integer> nonZeroWeights(ParameterLayout layout, float[] values) {
        List<Integer> nonZero = new ArrayList<>();
        for (LayerParams layer : layout.layers()) {
            for (int i = layer.weightOffset(); i < layer.weightOffset() + layer.weightCount(); i++) {
                if (values[i] != 0) {
                    nonZero.add(i);
                }
            }
        }
        return nonZero;
    }
}
