package org.minima.train;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

import org.minima.api.data.Boards;
import org.minima.api.model.Activation;
import org.minima.api.model.LayerParams;
import org.minima.api.model.ModelSpec;
import org.minima.api.model.Padding;
import org.minima.api.model.ParameterLayout;
import org.minima.api.model.ParameterVector;
import org.minima.api.train.Optimizer;
import org.minima.arch.planes.BorderedPlanes;
import org.minima.train.PlaneKernels.Nonlinearity;

/**
 * The network's training step in Java arrays, a tile of boards at a time: the same computation as the fused engine
 * (forward, backward, ND4J's update on one flat vector), with every layer's values kept as planes of bordered boards
 * ({@link BorderedPlanes}), so a 3×3 layer is nine shifted copies of its input followed, like a 1×1 layer, by sums of
 * weighted planes, and its backward pass is the transpose. The sums and dot products run in the Java Vector API
 * ({@link PlaneKernels}). A tile's planes stay in the core's caches, and the loss is a sum over cells, so the
 * gradient is accumulated tile by tile; nothing goes through ND4J but the parameter update. Not thread-safe.
 */
final class PlaneEngine implements Engine {

    /**
     * Cells per plane in a tile, about 4 KB: a tile's planes, all kept for the backward pass, stay in the caches even
     * for 20 steps (measured: a 20-step network 15% faster than at 2048 cells, small ones the same).
     */
    private static final int TILE_CELLS = 1024;

    private final List<LayerParams> layers;
    private final Nonlinearity[] nonlinearities;
    private final boolean[] trainable;
    private final int lowestTrainable;
    private final boolean circular;
    private final float inputShift;
    private final int batch;
    private final BorderedPlanes planes;
    private final float[] interior;
    private final float[] input;
    private final float[] target;
    private final float[][][] outputs;
    private final float[][][] taps;
    private final float[][][] outputGradients;
    private final float[][] tapGradients;
    private final float[] scratch;
    private final float[][] weights;
    private final float[][] transposed;
    private final float[][] biases;
    private final float[] parameters;
    private final float[] gradient;
    private final ParameterUpdate update;
    private final Dropout dropout;
    private final SplittableRandom dropoutDraws;
    private final float[][] dropMasks;

    /**
     * An engine for the network {@code spec} in {@code layout} on batches of {@code batch} boards of {@code height} ×
     * {@code width}; dropout and the LeakyReLU flush threshold as for {@link FusedEngine}.
     */
    PlaneEngine(ParameterLayout layout, ModelSpec spec, ParameterVector initial, Set<Integer> frozenBlocks,
                Optimizer optimizer, int batch, int height, int width, Dropout dropout, double flushBelow) {
        FusedEngine.requireChain(layout);
        this.layers = layout.layers();
        int count = layers.size();
        this.circular = spec.padding() == Padding.CIRCULAR;
        this.inputShift = (float) spec.inputShift();
        this.batch = batch;
        int boardCells = (height + 2) * (width + 2);
        int tiles = Math.max(1, (batch * boardCells + TILE_CELLS - 1) / TILE_CELLS);
        this.planes = new BorderedPlanes(height, width, (batch + tiles - 1) / tiles * boardCells);
        int cells = planes.tileCells();
        this.interior = planes.interior(planes.boards());
        this.input = new float[cells];
        this.target = new float[cells];
        this.nonlinearities = new Nonlinearity[count];
        this.trainable = new boolean[count];
        this.outputs = new float[count][][];
        this.taps = new float[count][][];
        this.outputGradients = new float[count][][];
        this.weights = new float[count][];
        this.transposed = new float[count][];
        this.biases = new float[count][];
        this.dropMasks = new float[count][];
        int widestTaps = 0;
        int lowest = count;
        for (int l = 0; l < count; l++) {
            LayerParams layer = layers.get(l);
            nonlinearities[l] = nonlinearity(layer, l == count - 1, flushBelow);
            trainable[l] = !frozenBlocks.contains(layer.block());
            lowest = trainable[l] ? Math.min(lowest, l) : lowest;
            outputs[l] = new float[layer.out()][cells];
            outputGradients[l] = new float[layer.out()][cells];
            if (layer.kernelHeight() == 3) {
                taps[l] = new float[layer.fanIn()][cells];
                widestTaps = Math.max(widestTaps, layer.fanIn());
            }
            boolean dropped = dropout.active() && layer.kernelHeight() == 3 && layer.block() < layout.blocks() - 1;
            dropMasks[l] = dropped ? new float[layer.out() * batch] : null;
        }
        this.lowestTrainable = lowest;
        this.tapGradients = new float[widestTaps][cells];
        this.scratch = new float[cells];
        this.parameters = initial.toArray();
        this.gradient = new float[parameters.length];
        this.update = new ParameterUpdate(initial, optimizer);
        this.dropout = dropout;
        this.dropoutDraws = dropout.random();
        takeParameters();
    }

    private static Nonlinearity nonlinearity(LayerParams layer, boolean head, double flushBelow) {
        if (head) {
            return Nonlinearity.LINEAR;
        }
        return layer.activation() == Activation.LEAKY_RELU
                ? Nonlinearity.leaky((float) Activation.LEAKY_SLOPE, (float) flushBelow) : Nonlinearity.relu();
    }

    @Override
    public double step(Boards boards, boolean measureLoss) {
        drawDropout();
        double loss = accumulateGradient(boards, measureLoss);
        update.apply(gradient, parameters);
        takeParameters();
        return loss;
    }

    @Override
    public ParameterVector parameters() {
        return ParameterVector.of(parameters.clone());
    }

    /** The gradient of the loss on {@code boards} at the current parameters, without updating, for checks. */
    float[] computeGradient(Boards boards) {
        accumulateGradient(boards, false);
        return gradient.clone();
    }

    /** A fresh dropout mask per dropped layer, drawn as the fused engine draws it: layer by layer, channel-major. */
    void drawDropout() {
        for (float[] mask : dropMasks) {
            if (mask != null) {
                dropout.fill(mask, mask.length / batch, batch, 1, dropoutDraws);
            }
        }
    }

    /** Fills {@link #gradient} tile by tile; returns the batch's exact loss, or NaN unless {@code measureLoss}. */
    private double accumulateGradient(Boards boards, boolean measureLoss) {
        if (boards.count() != batch || boards.shape().height() != planes.height()
                || boards.shape().width() != planes.width()) {
            throw new IllegalArgumentException("batch of " + boards.count() + " " + boards.shape()
                    + " boards, expected " + batch + " " + planes.height() + "x" + planes.width());
        }
        float[] cells = boards.cells(0);
        float[] targets = boards.cells(boards.steps());
        float[] logits = measureLoss ? new float[targets.length] : null;
        float scale = 1f / targets.length;
        Arrays.fill(gradient, 0f);
        for (int first = 0; first < batch; first += planes.boards()) {
            int count = Math.min(planes.boards(), batch - first);
            int tileCells = count * planes.boardCells();
            planes.load(cells, first, count, inputShift, input);
            planes.load(targets, first, count, 0f, target);
            forward(first, count, tileCells);
            if (logits != null) {
                planes.unload(outputs[layers.size() - 1][0], logits, first, count);
            }
            backward(first, count, tileCells, scale);
        }
        return logits == null ? Double.NaN : ExactLoss.mean(logits, targets);
    }

    /**
     * How many hidden activations, and gradients of the loss with respect to them, of the last tile the latest step
     * computed lie strictly between 0 and {@code below} in magnitude: the values a LeakyReLU flush at {@code below}
     * zeroes (none once it has).
     */
    long valuesBelow(double below) {
        long count = 0;
        for (int l = 0; l < layers.size() - 1; l++) {
            for (float[][] planes : List.of(outputs[l], outputGradients[l])) {
                for (float[] plane : planes) {
                    for (float value : plane) {
                        count += value != 0f && Math.abs(value) < below ? 1 : 0;
                    }
                }
            }
        }
        return count;
    }

    private void forward(int first, int count, int cells) {
        float[][] in = {input};
        for (int l = 0; l < layers.size(); l++) {
            LayerParams layer = layers.get(l);
            float[][] operand = operand(l, in, cells, true);
            PlaneKernels.combine(operand, layer.fanIn(), weights[l], biases[l], outputs[l], layer.out(), cells,
                    nonlinearities[l]);
            drop(l, outputs[l], first, count);
            in = outputs[l];
        }
    }

    /** The head's gradient, then each layer's in turn, down to the lowest trainable one. */
    private void backward(int first, int count, int cells, float scale) {
        int head = layers.size() - 1;
        PlaneKernels.headGradient(outputs[head][0], target, interior, scale, outputGradients[head][0], cells);
        for (int l = head; l >= lowestTrainable; l--) {
            LayerParams layer = layers.get(l);
            float[][] g = outputGradients[l];
            if (l < head) {
                drop(l, g, first, count);
                for (int c = 0; c < layer.out(); c++) {
                    PlaneKernels.rectifierGradient(g[c], outputs[l][c], cells, nonlinearities[l]);
                }
            }
            float[][] operand = operand(l, l == 0 ? new float[][] {input} : outputs[l - 1], cells, false);
            if (trainable[l]) {
                PlaneKernels.accumulateGradients(g, layer.out(), operand, layer.fanIn(), cells, gradient,
                        layer.weightOffset(), gradient, layer.biasOffset());
            }
            if (l > lowestTrainable) {
                propagate(l, g, cells);
            }
        }
    }

    /** dLoss/dInput of layer {@code l} into the previous layer's output gradient: Wᵀ·g, through the taps if 3×3. */
    private void propagate(int l, float[][] g, int cells) {
        LayerParams layer = layers.get(l);
        if (layer.kernelHeight() == 1) {
            PlaneKernels.combine(g, layer.out(), transposed[l], null, outputGradients[l - 1], layer.in(), cells,
                    Nonlinearity.LINEAR);
            return;
        }
        PlaneKernels.combine(g, layer.out(), transposed[l], null, tapGradients, layer.fanIn(), cells,
                Nonlinearity.LINEAR);
        planes.untaps(tapGradients, layer.in(), cells, circular, outputGradients[l - 1], scratch);
    }

    /**
     * Layer {@code l}'s operand: its input for a 1×1 layer, the taps of its input for a 3×3 one, made afresh
     * when {@code fresh} (forward) and as kept otherwise (backward).
     */
    private float[][] operand(int l, float[][] in, int cells, boolean fresh) {
        if (taps[l] == null) {
            return in;
        }
        if (fresh) {
            planes.taps(in, layers.get(l).in(), cells, circular, taps[l]);
        }
        return taps[l];
    }

    /** Multiplies each board's planes of layer {@code l} by its dropout factor, for a dropped layer. */
    private void drop(int l, float[][] values, int first, int count) {
        float[] mask = dropMasks[l];
        if (mask == null) {
            return;
        }
        int boardCells = planes.boardCells();
        for (int c = 0; c < values.length; c++) {
            for (int b = 0; b < count; b++) {
                PlaneKernels.scale(values[c], b * boardCells, (b + 1) * boardCells, mask[c * batch + first + b]);
            }
        }
    }

    /** Each layer's weights [out][fanIn], their transpose [fanIn][out], and its biases, from {@link #parameters}. */
    private void takeParameters() {
        for (int l = 0; l < layers.size(); l++) {
            LayerParams layer = layers.get(l);
            int out = layer.out();
            int fanIn = layer.fanIn();
            weights[l] = Arrays.copyOfRange(parameters, layer.weightOffset(), layer.weightOffset() + out * fanIn);
            biases[l] = Arrays.copyOfRange(parameters, layer.biasOffset(), layer.biasOffset() + out);
            float[] t = new float[out * fanIn];
            for (int o = 0; o < out; o++) {
                for (int i = 0; i < fanIn; i++) {
                    t[i * out + o] = weights[l][o * fanIn + i];
                }
            }
            transposed[l] = t;
        }
    }
}
