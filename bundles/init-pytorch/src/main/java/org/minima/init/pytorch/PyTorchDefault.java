package org.minima.init.pytorch;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

import org.minima.api.InvalidOption;
import org.minima.api.OptionSpec;
import org.minima.api.OptionType;
import org.minima.api.Plugin;
import org.minima.api.init.InitRequest;
import org.minima.api.init.Initialization;
import org.minima.api.init.Initializer;
import org.minima.api.data.Game;
import org.minima.api.model.LayerParams;
import org.minima.api.model.Model;
import org.minima.api.model.ModelSpec;
import org.minima.api.model.ParameterLayout;
import org.minima.api.model.ParameterVector;
import org.minima.api.run.Study;
import org.osgi.service.component.annotations.Component;

/**
 * PyTorch's default for convolutions, as the {@link Initializer} {@code pytorch-default}: every weight and bias of a
 * layer with fan-in f drawn from U(−1/√f, +1/√f), nothing frozen. With option {@code flip} = k, the signs of k
 * distinct weights of that draw are flipped (Springer & Kenyon's intervention on an initialisation), the weights
 * chosen uniformly from a second generator of the seed, so the draw itself is the one without the flip and a
 * profile can pair each seed with and without it. A pure function of the layout, the model seed and k.
 */
@Component(service = Initializer.class, property = Plugin.NAME + "=" + PyTorchDefault.NAME)
public final class PyTorchDefault implements Initializer {

    static final String NAME = "pytorch-default";
    static final String FLIP = "flip";
    /** Keeps the choice of flipped weights apart from the draw of the same seed. */
    private static final long FLIP_SALT = 0x666C6970L;

    @Override
    public String description() {
        return "PyTorch's default for convolutions: every weight and bias of a layer with fan-in f from"
                + " U(-1/sqrt(f), +1/sqrt(f)), drawn from the model seed; nothing frozen";
    }

    @Override
    public List<OptionSpec> options() {
        return List.of(OptionSpec.number(FLIP, OptionType.INT, "0", 0.0, 1_000_000.0,
                "Weights of the draw whose sign is flipped, chosen uniformly by the model seed (Springer & Kenyon's "
                        + "sign flip on an initialisation); 0: none."));
    }

    /** A flip count above some network's weights is refused before any training, naming that network. */
    @Override
    public void check(Study study) {
        int flips = study.settings().getInt(FLIP);
        if (flips == 0 || study.model().isEmpty()) {
            return;
        }
        Model model = study.model().get();
        for (Game game : study.experiment().games()) {
            for (ModelSpec spec : study.experiment().modelSpecs(game)) {
                int weights = weights(model.layout(spec)).length;
                if (flips > weights) {
                    throw new InvalidOption(FLIP, FLIP + " = " + flips + " is more than the " + weights
                            + " weights of the network at n = " + spec.steps() + ", m = " + spec.width());
                }
            }
        }
    }

    @Override
    public Initialization initialise(InitRequest request) {
        ParameterVector drawn = draw(request.layout(), request.seed());
        // options without 'flip' come from a caller that resolved none of this initializer's: no flip, the default
        int flips = request.options().keys().contains(FLIP) ? request.options().getInt(FLIP) : 0;
        return Initialization.trainable(flips == 0 ? drawn : flipped(drawn, request.layout(), request.seed(), flips));
    }

    /** {@code drawn} with the signs of {@code count} distinct weights flipped, chosen from the seed. */
    static ParameterVector flipped(ParameterVector drawn, ParameterLayout layout, long seed, int count) {
        int[] weights = weights(layout);
        if (count > weights.length) {
            throw new IllegalArgumentException(NAME + "." + FLIP + " = " + count + " is more than the network's "
                    + weights.length + " weights");
        }
        SplittableRandom random = new SplittableRandom(seed ^ FLIP_SALT);
        float[] values = drawn.toArray();
        // the first count places of a Fisher-Yates shuffle: count distinct weights, each subset equally likely
        for (int i = 0; i < count; i++) {
            int pick = i + random.nextInt(weights.length - i);
            int weight = weights[pick];
            weights[pick] = weights[i];
            weights[i] = weight;
            values[weight] = -values[weight];
        }
        return ParameterVector.of(values);
    }

    /** The flat indices of every weight (no bias), in ascending order. */
    private static int[] weights(ParameterLayout layout) {
        return layout.layers().stream()
                .flatMapToInt(l -> IntStream.range(l.weightOffset(), l.weightOffset() + l.weightCount())).toArray();
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
