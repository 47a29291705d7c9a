package org.minima.arch.dl4j;

import java.util.List;
import java.util.Objects;

import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.CnnLossLayer;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.minima.api.model.Activation;
import org.minima.api.model.LayerParams;
import org.minima.api.model.ParameterLayout;
import org.minima.api.model.ParameterVector;
import org.nd4j.linalg.activations.IActivation;
import org.nd4j.linalg.activations.impl.ActivationIdentity;
import org.nd4j.linalg.activations.impl.ActivationLReLU;
import org.nd4j.linalg.activations.impl.ActivationReLU;
import org.nd4j.linalg.activations.impl.ActivationSigmoid;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.IUpdater;
import org.nd4j.linalg.learning.config.NoOp;
import org.nd4j.linalg.lossfunctions.ILossFunction;

/**
 * A DL4J network for a chain-of-convolutions {@link ParameterLayout}: one {@link ConvolutionLayer} per layout layer
 * (stride 1, {@link ConvolutionMode#Same} zero padding, so any board size works at run time), with the layer's
 * activation, and with {@code params()} equal to the layout's flat vector.
 *
 * <p>Only DL4J's own classes go into the configuration, so a saved network loads whatever the thread context class
 * loader is. The weight initialiser is {@link WeightInit#ZERO}: parameters come from {@link #network}, and a forgotten
 * one shows as a dead network rather than as an unnoticed DL4J default.
 *
 * @param layout   the layers, laid out in DL4J's order (as {@link LayoutBuilder} does)
 * @param loss     null for a predicting network, whose head applies its own activation; otherwise the head
 *                 convolution is linear (its output is the logit) and a {@link CnnLossLayer} applies the head's
 *                 activation and this loss, so {@code fit} trains the network and {@code output} still gives
 *                 probabilities
 * @param updater  the updater DL4J's {@code fit} applies; {@link NoOp} for networks that are not trained
 * @param dataType {@link DataType#FLOAT} for Minima's networks, {@link DataType#DOUBLE} for gradient checks
 */
public record ConvChain(ParameterLayout layout, ILossFunction loss, IUpdater updater, DataType dataType) {

    public ConvChain {
        Objects.requireNonNull(layout, "layout");
        Objects.requireNonNull(updater, "updater");
        Objects.requireNonNull(dataType, "dataType");
        requireChain(layout);
    }

    /** A predicting float32 network of {@code layout}. */
    public static ConvChain of(ParameterLayout layout) {
        return new ConvChain(layout, null, new NoOp(), DataType.FLOAT);
    }

    /** The same chain ending in a trainable loss layer (see {@link #loss()}). */
    public ConvChain withLoss(ILossFunction lossFunction) {
        return new ConvChain(layout, Objects.requireNonNull(lossFunction, "lossFunction"), updater, dataType);
    }

    public ConvChain withUpdater(IUpdater newUpdater) {
        return new ConvChain(layout, loss, newUpdater, dataType);
    }

    public ConvChain withDataType(DataType newDataType) {
        return new ConvChain(layout, loss, updater, newDataType);
    }

    /**
     * The network's layer index of the head convolution; its activations are the logits when the chain has a loss
     * layer ({@code feedForwardToLayer(headIndex(), input).get(headIndex() + 1)}).
     */
    public int headIndex() {
        return layout.layers().size() - 1;
    }

    public MultiLayerConfiguration configuration() {
        NeuralNetConfiguration.ListBuilder list = new NeuralNetConfiguration.Builder()
                .dataType(dataType)
                .updater(updater)
                .weightInit(WeightInit.ZERO)
                .list();
        List<LayerParams> layers = layout.layers();
        for (int i = 0; i < layers.size(); i++) {
            LayerParams l = layers.get(i);
            boolean linearHead = loss != null && i == headIndex();
            list.layer(new ConvolutionLayer.Builder(l.kernelHeight(), l.kernelWidth())
                    .nIn(l.in())
                    .nOut(l.out())
                    .stride(1, 1)
                    .convolutionMode(ConvolutionMode.Same)
                    .hasBias(true)
                    .activation(linearHead ? new ActivationIdentity() : dl4j(l.activation()))
                    .name(l.name())
                    .build());
        }
        if (loss != null) {
            list.layer(new CnnLossLayer.Builder(loss).activation(dl4j(layout.head().activation())).name("loss")
                    .build());
        }
        return list.build();
    }

    /** A network holding a copy of {@code parameters}. */
    public MultiLayerNetwork network(ParameterVector parameters) {
        if (parameters.size() != layout.size()) {
            throw new IllegalArgumentException("the layout has " + layout.size() + " parameters, the vector "
                    + parameters.size());
        }
        MultiLayerNetwork net = new MultiLayerNetwork(configuration());
        net.init(row(parameters, dataType), false);
        return net;
    }

    /** The network's parameters as a vector (float32, whatever the network's data type). */
    public static ParameterVector parameters(MultiLayerNetwork net) {
        return ParameterVector.of(net.params().castTo(DataType.FLOAT).dup('c').data().asFloat());
    }

    /** Overwrites every parameter of {@code net}, which must be a network of the same layout. */
    public static void setParameters(MultiLayerNetwork net, ParameterVector parameters) {
        if (parameters.size() != net.numParams()) {
            throw new IllegalArgumentException("the network has " + net.numParams() + " parameters, the vector "
                    + parameters.size());
        }
        net.setParams(row(parameters, net.params().dataType()));
    }

    /**
     * Checks that {@code net} (for example one read from a file) has the structure {@link #configuration()} gives
     * {@code layout}: the same convolutions in the same order, plus at most a parameterless loss layer.
     *
     * @throws IllegalArgumentException naming the first difference
     */
    public static void requireMatches(ParameterLayout layout, MultiLayerNetwork net) {
        List<LayerParams> layers = layout.layers();
        int count = net.getnLayers();
        if (count != layers.size() && count != layers.size() + 1) {
            throw new IllegalArgumentException("the network has " + count + " layers, the layout "
                    + layers.size() + " convolutions");
        }
        for (int i = 0; i < layers.size(); i++) {
            LayerParams l = layers.get(i);
            Layer conf = net.getLayerWiseConfigurations().getConf(i).getLayer();
            if (!(conf instanceof ConvolutionLayer c) || c.getNIn() != l.in() || c.getNOut() != l.out()
                    || c.getKernelSize()[0] != l.kernelHeight() || c.getKernelSize()[1] != l.kernelWidth()
                    || c.getConvolutionMode() != ConvolutionMode.Same) {
                throw new IllegalArgumentException("network layer " + i + " is not the layout's " + l.name() + " ("
                        + l.kernelHeight() + "x" + l.kernelWidth() + " convolution " + l.in() + " -> " + l.out()
                        + ", same padding): " + conf);
            }
        }
        if (count > layers.size() && net.getLayer(count - 1).numParams() != 0) {
            throw new IllegalArgumentException("the network's last layer has parameters the layout does not know");
        }
        if (net.numParams() != layout.size()) {
            throw new IllegalArgumentException("the network has " + net.numParams() + " parameters, the layout "
                    + layout.size());
        }
    }

    private static INDArray row(ParameterVector parameters, DataType dataType) {
        return Nd4j.createFromArray(parameters.toArray()).reshape(1, parameters.size()).castTo(dataType);
    }

    private static IActivation dl4j(Activation activation) {
        return switch (activation) {
            case RELU -> new ActivationReLU();
            case LEAKY_RELU -> new ActivationLReLU(Activation.LEAKY_SLOPE);
            case SIGMOID -> new ActivationSigmoid();
        };
    }

    /** DL4J reads the flat vector in its own order and needs each layer's input to be the previous one's output. */
    private static void requireChain(ParameterLayout layout) {
        if (layout.layers().isEmpty()) {
            throw new IllegalArgumentException("the layout has no layers");
        }
        int start = 0;
        int channels = layout.layers().get(0).in();
        for (LayerParams l : layout.layers()) {
            if (l.in() != channels) {
                throw new IllegalArgumentException(l.name() + " takes " + l.in() + " channels but receives "
                        + channels);
            }
            if (l.kernelHeight() % 2 == 0 || l.kernelWidth() % 2 == 0) {
                throw new IllegalArgumentException(l.name() + " has an even kernel; same padding is symmetric "
                        + "only for odd kernels");
            }
            if (l.biasOffset() != start || l.weightOffset() != start + l.out()) {
                throw new IllegalArgumentException(l.name() + " is not in DL4J's parameter order (biases at "
                        + start + ", then weights at " + (start + l.out()) + "); build the layout with LayoutBuilder");
            }
            start += l.size();
            channels = l.out();
        }
    }
}
