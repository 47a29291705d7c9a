package org.minima.api.model;

/**
 * One convolution layer's place in the flat parameter vector. Weights are stored row-major with shape
 * {@code [out, in, kernelHeight, kernelWidth]}: axis 0 is the output-channel axis, axis 1 the input-channel axis.
 * Biases have shape {@code [out]}.
 *
 * @param block        index of the step block this layer belongs to, from 0
 * @param position     index of the layer within its block, from 0
 * @param name         a stable name for tables, for example {@code b2.conv3x3}
 * @param out          output channels
 * @param in           input channels
 * @param kernelHeight kernel rows (3 or 1)
 * @param kernelWidth  kernel columns (3 or 1)
 * @param activation   the activation applied to this layer's output
 * @param weightOffset index of weight [0,0,0,0] in the flat vector
 * @param biasOffset   index of bias [0] in the flat vector
 */
public record LayerParams(int block, int position, String name, int out, int in, int kernelHeight, int kernelWidth,
                          Activation activation, int weightOffset, int biasOffset) {

    /** Number of weights: out·in·kernelHeight·kernelWidth. */
    public int weightCount() {
        return out * in * kernelHeight * kernelWidth;
    }

    /** Number of parameters: weights plus biases. */
    public int size() {
        return weightCount() + out;
    }

    /** Flat index of weight [o, i, r, c]. */
    public int weightIndex(int o, int i, int r, int c) {
        return weightOffset + ((o * in + i) * kernelHeight + r) * kernelWidth + c;
    }

    /** Flat index of bias [o]. */
    public int biasIndex(int o) {
        return biasOffset + o;
    }

    /** Fan-in of one output unit: in·kernelHeight·kernelWidth. */
    public int fanIn() {
        return in * kernelHeight * kernelWidth;
    }
}
