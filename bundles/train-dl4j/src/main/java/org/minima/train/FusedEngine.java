package org.minima.train;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

import org.bytedeco.javacpp.FloatPointer;
import org.minima.api.data.Boards;
import org.minima.api.model.Activation;
import org.minima.api.model.LayerParams;
import org.minima.api.model.ModelSpec;
import org.minima.api.model.Padding;
import org.minima.api.model.ParameterLayout;
import org.minima.api.model.ParameterVector;
import org.minima.api.train.Optimizer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.Op;
import org.nd4j.linalg.api.ops.impl.scalar.ScalarMultiplication;
import org.nd4j.linalg.api.ops.impl.transforms.pairwise.arithmetic.Axpy;
import org.nd4j.linalg.api.ops.impl.transforms.strict.Sigmoid;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The whole network's forward and backward pass as a few large ND4J operations into buffers allocated once, on one
 * flat parameter vector with one ND4J update. Exactly the computation of the layout's convolutional network with
 * "same" padding (zero, or circular for a toroidal game) and a sigmoid head under binary cross-entropy averaged over
 * every cell; it works for any chain of k×k and 1×1 convolutions (both of Minima's forms).
 */
final class FusedEngine implements Engine {

    private final int batch;
    private final int height;
    private final int width;
    private final long rows;
    private final ParameterUpdate update;
    private final List<FusedLayer> layers = new ArrayList<>();
    private final PatchLayer first;
    private final FusedLayer head;
    private final INDArray target;
    private final float[] logits;
    private float[] targetCells;
    private final float[] paddedInput;
    private final Op sigmoid;
    private final Op[] headGradient;
    private final Dropout dropout;
    private final SplittableRandom dropoutDraws;
    private final Padding padding;
    private final float inputShift;

    FusedEngine(ParameterLayout layout, ParameterVector initial, Set<Integer> frozenBlocks, Optimizer optimizer,
                int batch, int height, int width) {
        this(layout, initial, frozenBlocks, optimizer, batch, height, width, Padding.ZERO, 0, Dropout.NONE,
                FusedLayer.FLUSH_BELOW);
    }

    /**
     * An engine for the network {@code spec} in {@code layout}: its k×k convolutions pad as the spec says and its
     * input is shifted by the spec's input shift; it drops the channels of the 3×3 layer of every step block but the
     * last with {@code dropout}, and its LeakyReLU layers flush values below {@code flushBelow} to zero (0: never;
     * for tests).
     */
    FusedEngine(ParameterLayout layout, ModelSpec spec, ParameterVector initial, Set<Integer> frozenBlocks,
                Optimizer optimizer, int batch, int height, int width, Dropout dropout, double flushBelow) {
        this(layout, initial, frozenBlocks, optimizer, batch, height, width, spec.padding(), spec.inputShift(),
                dropout, flushBelow);
    }

    private FusedEngine(ParameterLayout layout, ParameterVector initial, Set<Integer> frozenBlocks,
                        Optimizer optimizer, int batch, int height, int width, Padding padding, double inputShift,
                        Dropout dropout, double flushBelow) {
        requireChain(layout);
        this.batch = batch;
        this.padding = padding;
        this.inputShift = (float) inputShift;
        this.dropout = dropout;
        this.dropoutDraws = dropout.random();
        this.height = height;
        this.width = width;
        this.rows = (long) batch * height * width;
        this.update = new ParameterUpdate(initial, optimizer);
        List<LayerParams> specs = layout.layers();
        for (int i = 0; i < specs.size(); i++) {
            LayerParams spec = specs.get(i);
            boolean dropped = dropout.active() && spec.kernelHeight() == 3 && spec.block() < layout.blocks() - 1;
            layers.add(layer(spec, new FusedLayer.Role(i == specs.size() - 1, !frozenBlocks.contains(spec.block()),
                    flushBelow, dropped)));
            if (i > 0) {
                layers.get(i).connect(layers.get(i - 1));
            }
        }
        this.first = (PatchLayer) layers.get(0);
        this.head = layers.get(layers.size() - 1);
        this.target = Nd4j.create(DataType.FLOAT, 1, rows);
        this.logits = new float[(int) rows];
        this.paddedInput = new float[(int) first.padded().length()];
        this.sigmoid = new Sigmoid(head.output, head.outputGrad);
        // dLoss/dLogit = (σ(z) − y) / cells
        this.headGradient = new Op[] {new Axpy(target, head.outputGrad, head.outputGrad, -1.0),
                new ScalarMultiplication(head.outputGrad, head.outputGrad, head.outputGrad, 1.0 / rows)};
    }

    @Override
    public double step(Boards boards, boolean measureLoss) {
        load(boards);
        drawDropout();
        forward();
        double loss = measureLoss ? loss() : Double.NaN;
        backward();
        update.apply();
        return loss;
    }

    @Override
    public ParameterVector parameters() {
        return update.parameters();
    }

    /** Loads a batch and runs the forward pass only; returns the exact loss (for gradient checks). */
    double forwardOnly(Boards boards) {
        load(boards);
        forward();
        return loss();
    }

    /** The gradient of the loss on {@code boards} at the current parameters, without updating, for checks. */
    INDArray computeGradient(Boards boards) {
        load(boards);
        forward();
        update.gradient().assign(0);
        backward();
        return update.gradient().dup();
    }

    /** A fresh dropout mask for every dropped layer: once per training step (checks reuse the last one). */
    void drawDropout() {
        for (FusedLayer layer : layers) {
            if (layer.dropped()) {
                layer.drawDropout(dropout, dropoutDraws, batch, height * width);
            }
        }
    }

    private void forward() {
        for (FusedLayer layer : layers) {
            layer.forward();
        }
    }

    /** dLoss/dLogit = (σ(z) − y) / cells into the head, then every layer's backward pass. */
    private void backward() {
        FusedLayer.exec(sigmoid);
        FusedLayer.exec(headGradient);
        for (int i = layers.size() - 1; i >= 0; i--) {
            layers.get(i).backward();
        }
    }

    /** The exact mean loss of the loaded batch from the head's logits. */
    private double loss() {
        ((FloatPointer) head.output.data().addressPointer()).get(logits, 0, logits.length);
        return ExactLoss.mean(logits, targetCells);
    }

    /**
     * Writes the input, shifted, into the interior of the first layer's bordered buffer and the target into its
     * buffer.
     */
    private void load(Boards boards) {
        if (boards.count() != batch || boards.shape().height() != height || boards.shape().width() != width) {
            throw new IllegalArgumentException("batch of " + boards.count() + " " + boards.shape()
                    + " boards, expected " + batch + " " + height + "x" + width);
        }
        float[] cells = boards.cells(0);
        int paddedWidth = width + 2;
        int paddedArea = (height + 2) * paddedWidth;
        for (int b = 0; b < batch; b++) {
            for (int r = 0; r < height; r++) {
                int start = b * paddedArea + (r + 1) * paddedWidth + 1;
                System.arraycopy(cells, (b * height + r) * width, paddedInput, start, width);
                for (int c = start; inputShift != 0 && c < start + width; c++) {
                    paddedInput[c] += inputShift;
                }
            }
        }
        // a bulk copy into the native buffers: DataBuffer.setData copies element by element
        ((FloatPointer) first.padded().data().addressPointer()).put(paddedInput, 0, paddedInput.length);
        targetCells = boards.cells(boards.steps());
        ((FloatPointer) target.data().addressPointer()).put(targetCells, 0, targetCells.length);
    }

    private FusedLayer layer(LayerParams spec, FusedLayer.Role role) {
        if (spec.kernelHeight() == 1 && spec.kernelWidth() == 1) {
            return new PointwiseLayer(spec, role, update.params(), update.gradient(), rows);
        }
        return new PatchLayer(spec, role, update.params(), update.gradient(), batch, height, width, padding);
    }

    /** The fused computation covers chains of odd square kernels ending in a sigmoid head, from one input channel. */
    static void requireChain(ParameterLayout layout) {
        List<LayerParams> specs = layout.layers();
        if (specs.isEmpty() || specs.get(0).in() != 1 || specs.get(0).kernelHeight() != 3
                || specs.get(0).kernelWidth() != 3) {
            throw new IllegalArgumentException("the fused engine needs a first layer 3x3 with one input channel");
        }
        for (int i = 0; i < specs.size(); i++) {
            LayerParams l = specs.get(i);
            boolean square = l.kernelHeight() == l.kernelWidth() && (l.kernelHeight() == 1 || l.kernelHeight() == 3);
            boolean chained = i == 0 || specs.get(i - 1).out() == l.in();
            boolean headLast = (l.activation() == Activation.SIGMOID) == (i == specs.size() - 1);
            if (!square || !chained || !headLast) {
                throw new IllegalArgumentException("the fused engine cannot compute layer " + l.name()
                        + ": it needs a chain of 3x3 and 1x1 convolutions ending in one sigmoid head");
            }
        }
    }
}
