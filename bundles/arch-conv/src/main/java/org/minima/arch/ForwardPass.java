package org.minima.arch;

import java.util.ArrayList;
import java.util.List;

import org.minima.api.model.Activation;
import org.minima.api.model.LayerParams;
import org.minima.api.model.ModelSpec;
import org.minima.api.model.Padding;
import org.minima.api.model.ParameterLayout;
import org.minima.api.model.ParameterVector;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * The network's forward pass as a few matrix products over pixel rows: a board batch [B, 1, H, W] becomes B·H·W rows
 * of channels; a 1×1 convolution is a product with its [in, out] weight matrix, a 3×3 convolution a product of the
 * patch matrix [rows, 9·in] with its [9·in, out] weights, padded with zeros or, for a toroidal game, with the cells
 * of the opposite edge ({@link Padding}), after the spec's input shift. The same function as the DL4J
 * {@code MultiLayerNetwork} (checked in the tests), several times faster on these small networks, since DL4J's
 * convolution layers spend their time in im2col, workspaces and per-operation calls rather than arithmetic. It keeps
 * every layer's operand and pre-activation, so it serves the gradients and layer values a {@link ConvNetwork} gives;
 * predictions and losses, which need neither, go through the faster {@link TiledLogits}. Not thread-safe.
 */
final class ForwardPass {

    private final ParameterLayout layout;
    private final boolean circular;
    private final double inputShift;
    private final List<INDArray> weights = new ArrayList<>();
    private final List<INDArray> biases = new ArrayList<>();

    /** The pass of {@code layout}, padded and with its input shifted as {@code spec} says. */
    ForwardPass(ParameterLayout layout, ModelSpec spec, ParameterVector parameters) {
        this.layout = layout;
        this.circular = spec.padding() == Padding.CIRCULAR;
        this.inputShift = spec.inputShift();
        set(parameters);
    }

    /** Takes new parameters; each layer's weights become an [in·kh·kw, out] matrix, its biases a [1, out] row. */
    void set(ParameterVector parameters) {
        weights.clear();
        biases.clear();
        float[] values = parameters.toArray();
        for (LayerParams layer : layout.layers()) {
            float[] w = new float[layer.weightCount()];
            System.arraycopy(values, layer.weightOffset(), w, 0, w.length);
            weights.add(Nd4j.createFromArray(w).reshape(layer.out(), layer.fanIn()).transpose().dup('c'));
            float[] b = new float[layer.out()];
            System.arraycopy(values, layer.biasOffset(), b, 0, b.length);
            biases.add(Nd4j.createFromArray(b).reshape(1, layer.out()));
        }
    }

    /** Each layer's output before its activation for boards {@code input} [B, 1, H, W], as [B, out, H, W]. */
    List<INDArray> preActivations(INDArray input) {
        List<INDArray[]> saved = new ArrayList<>();
        pass(input, saved);
        long boards = input.size(0);
        long height = input.size(2);
        long width = input.size(3);
        return saved.stream().map(layer -> layer[1].reshape(boards, height, width, layer[1].size(1))
                .permute(0, 3, 1, 2).dup('c')).toList();
    }

    /**
     * The gradient of the mean binary cross-entropy of sigmoid(logits) against {@code target} over every cell, with
     * respect to every parameter in the layout's order: dL/dz = (σ(z) − y)/cells at the head, then back through each
     * layer's product (and, for a 3×3 layer, its patch matrix) and activation.
     */
    ParameterVector gradient(INDArray input, INDArray target) {
        List<INDArray[]> saved = new ArrayList<>();
        INDArray z = pass(input, saved);
        INDArray y = FloatBuffers.contiguous(target.castTo(DataType.FLOAT)).reshape(z.shape());
        INDArray delta = Transforms.sigmoid(z, true).subi(y).divi(z.length());
        float[] gradient = new float[layout.size()];
        int height = (int) input.size(2);
        int width = (int) input.size(3);
        for (int index = layout.layers().size() - 1; index >= 0; index--) {
            LayerParams layer = layout.layers().get(index);
            INDArray in = saved.get(index)[0];
            copy(in.transpose().mmul(delta).transpose().dup('c'), gradient, layer.weightOffset());
            copy(delta.sum(0), gradient, layer.biasOffset());
            if (index > 0) {
                INDArray back = delta.mmul(weights.get(index).transpose());
                if (layer.kernelHeight() == 3) {
                    back = unpatch(back, (int) input.size(0), height, width, layer.in());
                }
                delta = back.muli(derivative(saved.get(index - 1)[1], layout.layers().get(index - 1).activation()));
            }
        }
        return ParameterVector.of(gradient);
    }

    /**
     * The forward pass over pixel rows to the head's logits [rows, 1]; each layer's input matrix (rows or patches) and
     * its output before the activation are kept in {@code saved}, for the backward pass.
     */
    private INDArray pass(INDArray input, List<INDArray[]> saved) {
        long boards = input.size(0);
        int height = (int) input.size(2);
        int width = (int) input.size(3);
        INDArray cells = input.castTo(DataType.FLOAT);
        INDArray shifted = inputShift == 0 ? cells : cells.add(inputShift);
        INDArray rows = FloatBuffers.contiguous(shifted).reshape(boards * height * width, 1);
        List<LayerParams> layers = layout.layers();
        for (int index = 0; index < layers.size(); index++) {
            LayerParams layer = layers.get(index);
            INDArray in = layer.kernelHeight() == 1 ? rows : patches(rows, (int) boards, height, width, layer.in());
            INDArray z = in.mmul(weights.get(index)).addiRowVector(biases.get(index));
            saved.add(new INDArray[] {in, z.dup()});
            rows = index < layers.size() - 1 ? activate(z, layer.activation()) : z;
        }
        return rows;
    }

    private static INDArray derivative(INDArray preActivation, Activation activation) {
        double negativeSlope = activation == Activation.LEAKY_RELU ? Activation.LEAKY_SLOPE : 0;
        float[] z = FloatBuffers.read(preActivation);
        float[] d = new float[z.length];
        for (int i = 0; i < z.length; i++) {
            d[i] = z[i] > 0 ? 1f : (float) negativeSlope;
        }
        return FloatBuffers.write(d, preActivation.shape());
    }

    private static void copy(INDArray values, float[] into, int offset) {
        float[] flat = FloatBuffers.read(values);
        System.arraycopy(flat, 0, into, offset, flat.length);
    }

    /** The transpose of {@link #patches}: each patch entry's gradient added back to the input cell it came from. */
    private INDArray unpatch(INDArray patchGradient, int boards, int height, int width, int channels) {
        float[] in = FloatBuffers.read(patchGradient);
        int columns = channels * 9;
        float[] out = new float[boards * height * width * channels];
        for (int b = 0; b < boards; b++) {
            for (int r = 0; r < height; r++) {
                for (int c = 0; c < width; c++) {
                    int source = ((b * height + r) * width + c) * columns;
                    for (int dr = 0; dr < 3; dr++) {
                        int rr = neighbour(r + dr - 1, height);
                        for (int dc = 0; dc < 3 && rr >= 0; dc++) {
                            int cc = neighbour(c + dc - 1, width);
                            if (cc >= 0) {
                                int target = ((b * height + rr) * width + cc) * channels;
                                for (int ch = 0; ch < channels; ch++) {
                                    out[target + ch] += in[source + ch * 9 + dr * 3 + dc];
                                }
                            }
                        }
                    }
                }
            }
        }
        return FloatBuffers.write(out, (long) boards * height * width, channels);
    }

    /** The cell {@code index} of a row or column of {@code size} cells reads: wrapped, or -1 for a zero pad. */
    private int neighbour(int index, int size) {
        if (index >= 0 && index < size) {
            return index;
        }
        return circular ? Math.floorMod(index, size) : -1;
    }

    private static INDArray activate(INDArray rows, Activation activation) {
        return activation == Activation.LEAKY_RELU ? Transforms.leakyRelu(rows, Activation.LEAKY_SLOPE, false)
                : Transforms.relu(rows, false);
    }

    /**
     * The patch matrix of a 3×3 same convolution, [pixels, 9·channels]: row (b, r, c), column (channel, dr, dc) in the
     * weights' own order ([in, 3, 3] flattened), holding the input at (r + dr − 1, c + dc − 1): beyond the board zero,
     * or the cell of the opposite edge under circular padding.
     * It is built as its transpose, one row per column: each is the input plane of one channel shifted by (dr, dc),
     * so it fills by contiguous copies of board rows, then copied to native memory in one block and returned as a
     * transposed view (ND4J's products take it as it is).
     */
    private INDArray patches(INDArray rows, int boards, int height, int width, int channels) {
        int pixels = boards * height * width;
        float[] planes = FloatBuffers.read(channels == 1 ? rows : rows.transpose());
        float[] out = new float[9 * channels * pixels];
        for (int ch = 0; ch < channels; ch++) {
            for (int dr = 0; dr < 3; dr++) {
                for (int dc = 0; dc < 3; dc++) {
                    shift(planes, ch * pixels, out, ((ch * 9) + dr * 3 + dc) * pixels, boards, height, width, dr - 1,
                            dc - 1);
                }
            }
        }
        return FloatBuffers.write(out, 9L * channels, pixels).transpose();
    }

    /**
     * Writes the planes at {@code from} shifted by (dRow, dCol), each at most one cell, to {@code to}: where that
     * leaves the board, zero, or under circular padding the cell of the opposite edge.
     */
    private void shift(float[] in, int from, float[] out, int to, int boards, int height, int width, int dRow,
                       int dCol) {
        int first = Math.max(0, -dCol);
        int length = width - Math.abs(dCol);
        int wrappedColumn = dCol > 0 ? width - 1 : 0;
        for (int b = 0; b < boards; b++) {
            for (int r = 0; r < height; r++) {
                int sourceRow = neighbour(r + dRow, height);
                if (sourceRow < 0) {
                    continue;
                }
                int target = to + (b * height + r) * width;
                int source = from + (b * height + sourceRow) * width;
                System.arraycopy(in, source + first + dCol, out, target + first, length);
                if (circular && dCol != 0) {
                    out[target + wrappedColumn] = in[source + neighbour(wrappedColumn + dCol, width)];
                }
            }
        }
    }
}
