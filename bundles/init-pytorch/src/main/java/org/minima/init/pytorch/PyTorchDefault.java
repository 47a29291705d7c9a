package org.minima.init.pytorch;

import java.util.Arrays;
import java.util.SplittableRandom;

import org.minima.api.Plugin;
import org.minima.api.init.InitRequest;
import org.minima.api.init.Initialization;
import org.minima.api.init.Initializer;
import org.minima.api.model.LayerParams;
import org.minima.api.model.ParameterLayout;
import org.minima.api.model.ParameterVector;
import org.osgi.service.component.annotations.Component;

/**
 * PyTorch's default for convolutions, as the {@link Initializer} {@code pytorch-default}: every weight and bias of a
 * layer with fan-in f drawn from U(−1/√f, +1/√f), nothing frozen. A pure function of the layout and the model seed.
 */
@Component(service = Initializer.class, property = Plugin.NAME + "=" + PyTorchDefault.NAME)
public final class PyTorchDefault implements Initializer {

    static final String NAME = "pytorch-default";

    @Override
    public String description() {
        return "PyTorch's default for convolutions: every weight and bias of a layer with fan-in f from"
                + " U(-1/sqrt(f), +1/sqrt(f)), drawn from the model seed; nothing frozen";
    }

    @Override
    public Initialization initialise(InitRequest request) {
        return Initialization.trainable(draw(request.layout(), request.seed()));
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
