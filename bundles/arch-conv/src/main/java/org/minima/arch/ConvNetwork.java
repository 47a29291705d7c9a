package org.minima.arch;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.util.ModelSerializer;
import org.minima.api.model.ModelSpec;
import org.minima.api.model.Network;
import org.minima.api.model.ParameterLayout;
import org.minima.api.model.ParameterVector;
import org.minima.arch.dl4j.ConvChain;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * A network of either form, backed by a float32 DL4J {@link MultiLayerNetwork} whose head convolution is linear and
 * followed by a sigmoid binary cross-entropy loss layer, so that a saved file is a trainable DL4J model; predictions
 * and losses are computed from the same parameters by the faster {@link ForwardPass}: {@code output} gives the
 * sigmoid of the head's logits, which the loss is computed from. The padding is the spec's: the DL4J network itself
 * pads zeros, so under {@link org.minima.api.model.Padding#CIRCULAR} only the {@link ForwardPass} computes the
 * network (and DL4J's own engine is not offered for training).
 */
final class ConvNetwork implements Network {

    private final SavedSpec saved;
    private final ParameterLayout layout;
    private final MultiLayerNetwork net;
    private final ForwardPass forward;
    /** The last input and its logits: a caller asking for a batch's loss and then its output computes the pass once. */
    private INDArray lastInput;
    private INDArray lastLogits;

    ConvNetwork(SavedSpec saved, ParameterLayout layout, MultiLayerNetwork net) {
        this.saved = saved;
        this.layout = layout;
        this.net = net;
        this.forward = new ForwardPass(layout, saved.spec(), ConvChain.parameters(net));
    }

    @Override
    public ModelSpec spec() {
        return saved.spec();
    }

    @Override
    public ParameterLayout layout() {
        return layout;
    }

    @Override
    public ParameterVector parameters() {
        return ConvChain.parameters(net);
    }

    @Override
    public void setParameters(ParameterVector parameters) {
        ConvChain.setParameters(net, parameters);
        forward.set(parameters);
        lastInput = null;
    }

    /** The sigmoid of the head's logits, computed by the {@link ForwardPass}. */
    @Override
    public INDArray output(INDArray input) {
        return Transforms.sigmoid(logits(input), true);
    }

    /**
     * Mean over cells of softplus(z) − y·z, with z the head's logit, in double: the binary cross-entropy of sigmoid(z)
     * to full precision at the |z| of 10–20 of exact solutions, where DL4J's loss clips probabilities to
     * [1e−5, 1 − 1e−5] (see the README). The linear part is split by the sign of z so that it never cancels against
     * the small log term.
     */
    @Override
    public double loss(INDArray input, INDArray target) {
        INDArray y = boards(target, "target");
        if (!Arrays.equals(input.shape(), y.shape())) {
            throw new IllegalArgumentException("input " + Arrays.toString(input.shape()) + " and target "
                    + Arrays.toString(y.shape()) + " differ in shape");
        }
        float[] z = flat(logits(input));
        float[] t = flat(y);
        double sum = 0;
        for (int i = 0; i < z.length; i++) {
            double zi = z[i];
            double linear = zi > 0 ? (1 - t[i]) * zi : -t[i] * zi;
            sum += linear + Math.log1p(Math.exp(-Math.abs(zi)));
        }
        return sum / z.length;
    }

    /** The exact gradient of {@link #loss}, by the {@link ForwardPass}'s backward pass. */
    @Override
    public ParameterVector gradient(INDArray input, INDArray target) {
        return forward.gradient(boards(input, "input"), boards(target, "target"));
    }

    @Override
    public List<INDArray> preActivations(INDArray input) {
        return forward.preActivations(boards(input, "input"));
    }

    /** The head's logits for {@code input}, computed once per input and parameters. */
    private INDArray logits(INDArray input) {
        if (input != lastInput) {
            lastLogits = forward.logits(boards(input, "input"));
            lastInput = input;
        }
        return lastLogits;
    }

    @Override
    public void save(Path file) throws IOException {
        ModelSerializer.writeModel(net, file.toFile(), false);
        try {
            ModelSerializer.addObjectToFile(file.toFile(), SavedSpec.KEY, saved.encode());
        } catch (RuntimeException e) {
            throw new IOException("cannot add the model spec to " + file, e);
        }
    }

    private static INDArray boards(INDArray boards, String what) {
        if (boards.rank() != 4 || boards.size(1) != 1) {
            throw new IllegalArgumentException(what + " must be boards [B, 1, H, W], not "
                    + Arrays.toString(boards.shape()));
        }
        return boards.castTo(DataType.FLOAT);
    }

    private static float[] flat(INDArray array) {
        return array.dup('c').data().asFloat();
    }
}
