package org.minima.init.pytorch;

import java.util.SplittableRandom;

import org.minima.api.Plugin;
import org.minima.api.init.InitRequest;
import org.minima.api.init.Initialization;
import org.minima.api.init.Initializer;
import org.minima.api.model.LayerParams;
import org.minima.api.model.ParameterVector;
import org.osgi.service.component.annotations.Component;

/**
 * The initialisation of Firner's {@code --normalize} protocol, as the {@link Initializer} {@code firner-normalize}:
 * every weight drawn from N(0, 0.02²) and every bias from U(−1, 1), nothing frozen — what {@code BetterNet.__init__}
 * in bfirner/dnn_game_of_life (gameoflifemodels.py, commit e1e244e) does to every layer of every step block. That
 * protocol also puts {@code Dropout2d(p = 0.4)} after the 3×3 convolution of every block but the last: that is the
 * trainer's option {@code dl4j.dropout}, not part of the initialisation. Its {@code forward}, which would shift
 * inputs and outputs by −0.5 and +0.5, is indented inside {@code __init__} there and never runs (the input half is
 * the option {@code model.input-shift}). A pure function of the layout and the seed.
 */
@Component(service = Initializer.class, property = Plugin.NAME + "=" + FirnerNormalize.NAME)
public final class FirnerNormalize implements Initializer {

    static final String NAME = "firner-normalize";
    static final double WEIGHT_SD = 0.02;
    /** Keeps this draw apart from pytorch-default's for the same seed. */
    private static final long SALT = 0x6E6F726DL;

    @Override
    public String description() {
        return "Firner's --normalize initialisation: weights from N(0, 0.02^2), biases from U(-1, 1), drawn from the"
                + " model seed; nothing frozen (his Dropout2d is not part of it)";
    }

    @Override
    public Initialization initialise(InitRequest request) {
        float[] values = new float[request.layout().size()];
        SplittableRandom random = new SplittableRandom(request.seed() ^ SALT);
        for (LayerParams layer : request.layout().layers()) {
            for (int i = layer.weightOffset(); i < layer.weightOffset() + layer.weightCount(); i++) {
                values[i] = (float) (WEIGHT_SD * random.nextGaussian());
            }
            for (int i = layer.biasOffset(); i < layer.biasOffset() + layer.out(); i++) {
                values[i] = (float) random.nextDouble(-1, 1);
            }
        }
        return Initialization.trainable(ParameterVector.of(values));
    }
}
