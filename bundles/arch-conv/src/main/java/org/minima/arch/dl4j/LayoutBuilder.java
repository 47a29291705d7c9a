package org.minima.arch.dl4j;

import java.util.ArrayList;
import java.util.List;

import org.minima.api.model.Activation;
import org.minima.api.model.LayerParams;
import org.minima.api.model.ParameterLayout;

/**
 * Appends convolution layers to a {@link ParameterLayout} in DL4J's parameter order, so the flat vector equals
 * {@code MultiLayerNetwork.params()} element for element: layers in forward order, and within a layer (as DL4J's
 * {@code ConvolutionParamInitializer} stores them) the {@code out} biases first, then the weights in c order
 * {@code [out, in, kernelHeight, kernelWidth]}.
 */
public final class LayoutBuilder {

    /** A {@code float[]} cannot hold more (the JVM's array limit); {@code ParameterVector} is one. */
    public static final long MAX_PARAMETERS = Integer.MAX_VALUE - 8;

    private final List<LayerParams> layers = new ArrayList<>();
    private long size;

    /**
     * Appends a square-kernel convolution.
     *
     * @throws IllegalArgumentException when the layout would outgrow {@link #MAX_PARAMETERS}
     */
    public LayoutBuilder add(int block, int position, String name, int out, int in, int kernel,
                             Activation activation) {
        long layerSize = (long) out * in * kernel * kernel + out;
        if (size + layerSize > MAX_PARAMETERS) {
            throw new IllegalArgumentException("the network would need more than " + MAX_PARAMETERS
                    + " parameters (the most a float[] parameter vector holds) at layer " + name);
        }
        int start = (int) size;
        layers.add(new LayerParams(block, position, name, out, in, kernel, kernel, activation, start + out, start));
        size += layerSize;
        return this;
    }

    public ParameterLayout build() {
        return new ParameterLayout(layers, (int) size);
    }
}
