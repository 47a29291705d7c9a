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
 * and losses are computed from the same parameters by the faster {@link TiledLogits}: {@code output} gives the
 * sigmoid of the head's logits, which the loss is computed from; gradients and layer values by the
 * {@link ForwardPass}. The padding is the spec's: the DL4J network itself pads zeros, so under
 * {@link org.minima.api.model.Padding#CIRCULAR} only those two compute the network (and DL4J's own engine is not
 * offered for training).
 */
final class ConvNetwork implements Network {

    private final SavedSpec saved;
    private final ParameterLayout layout;
    private final MultiLayerNetwork net;
    private final ForwardPass forward;
    private final TiledLogits tiled;
    /** The last input and its logits: a caller asking for a batch's loss and then its output computes the pass once. */
    private INDArray lastInput;
    private float[] lastLogits;
    private final CrossEntropy crossEntropy = new CrossEntropy();

    ConvNetwork(SavedSpec saved, ParameterLayout layout, MultiLayerNetwork net) {
        this.saved = saved;
        this.layout = layout;
        this.net = net;
        ParameterVector parameters = ConvChain.parameters(net);
        this.forward = new ForwardPass(layout, saved.spec(), parameters);
        this.tiled = new TiledLogits(layout, saved.spec(), parameters);
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
        tiled.set(parameters);
        lastInput = null;
    }

    /** The sigmoid of the head's logits, computed by the {@link TiledLogits}. */
    @Override
    public INDArray output(INDArray input) {
        float[] logits = logits(input);
        return Transforms.sigmoid(FloatBuffers.write(logits, input.shape()), false);
    }

    /** The mean binary cross-entropy of sigmoid(logits) over every cell, exactly as {@link CrossEntropy} says. */
    @Override
    public double loss(INDArray input, INDArray target) {
        INDArray y = boards(target, "target");
        if (!Arrays.equals(input.shape(), y.shape())) {
            throw new IllegalArgumentException("input " + Arrays.toString(input.shape()) + " and target "
                    + Arrays.toString(y.shape()) + " differ in shape");
        }
        return crossEntropy.mean(logits(input), FloatBuffers.read(y));
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

    /**
     * The head's logits for boards {@code input}, board by board, row by row; computed once per input and
     * parameters, so a caller asking for a batch's loss and then its output runs the network once.
     */
    private float[] logits(INDArray input) {
        if (input != lastInput) {
            INDArray cells = boards(input, "input");
            lastLogits = tiled.logits(FloatBuffers.read(cells), (int) cells.size(0), (int) cells.size(2),
                    (int) cells.size(3));
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
}
