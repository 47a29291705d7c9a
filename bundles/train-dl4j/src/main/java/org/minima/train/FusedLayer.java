package org.minima.train;

import static org.nd4j.linalg.indexing.NDArrayIndex.all;
import static org.nd4j.linalg.indexing.NDArrayIndex.interval;
import static org.nd4j.linalg.indexing.NDArrayIndex.point;

import java.util.SplittableRandom;

import org.bytedeco.javacpp.FloatPointer;
import org.minima.api.model.Activation;
import org.minima.api.model.LayerParams;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.Op;
import org.nd4j.linalg.api.ops.impl.scalar.LeakyReLU;
import org.nd4j.linalg.api.ops.impl.scalar.RectifiedLinear;
import org.nd4j.linalg.api.ops.impl.scalar.Step;
import org.nd4j.linalg.api.ops.impl.transforms.any.Assign;
import org.nd4j.linalg.api.ops.impl.transforms.comparison.CompareAndSet;
import org.nd4j.linalg.api.ops.impl.transforms.gradient.LeakyReLUDerivative;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.nd4j.linalg.indexing.conditions.Conditions;

/**
 * One convolution of a fused network, computed as matrix products over pixel rows. Activations are channel-major
 * matrices {@code [channels, B·H·W]}: a 1×1 convolution is {@code W·X}, a k×k one is {@code W·P} on a patch matrix
 * {@code P} ({@link PatchLayer}). Every buffer, view and element-wise op is created once, so a training step
 * allocates nothing: constructing an ND4J op costs more than running it on these small arrays.
 *
 * <p>The bias rides inside the product: every operand carries a last row of ones and the weights are copied into
 * {@code [W | b]}, so one product gives {@code W·X + b} and one product gives both weight and bias gradients. On
 * these thin matrices the separate broadcast-add and row-sum passes cost as much as the product itself.
 */
abstract class FusedLayer {

    /** LeakyReLU layers set activations and gradients smaller than this to zero (see the constructor). */
    static final double FLUSH_BELOW = 1e-30;

    /**
     * A layer's place in the engine.
     *
     * @param head       whether it is the sigmoid head
     * @param trainable  whether training updates it (false in a frozen block)
     * @param flushBelow magnitude below which a LeakyReLU layer's activations and gradients are set to zero; 0 never
     * @param dropped    whether its output channels are dropped in training ({@link Dropout})
     */
    record Role(boolean head, boolean trainable, double flushBelow, boolean dropped) {
    }

    final LayerParams spec;
    /** Activations {@code [out + 1, rows]}, the last row all ones: the next layer's operand. */
    final INDArray outputWithOnes;
    /** The activations proper, {@code [out, rows]}; for the head, the logits. */
    final INDArray output;
    /** dLoss/dOutput {@code [out + 1, rows]}; the next layer's product also fills the unused last row. */
    final INDArray outputGradWithOnes;
    /** dLoss/dOutput {@code [out, rows]}, turned in place into dLoss/dPreActivation during backward. */
    final INDArray outputGrad;

    /** The previous layer, or null for the first. */
    FusedLayer previous;

    private final boolean head;
    private final boolean trainable;
    private final INDArray weights;
    private final INDArray bias;
    private final INDArray weightGrad;
    private final INDArray biasGrad;
    private final INDArray weightsWithBias;
    private final INDArray weightsPart;
    private final INDArray biasPart;
    private final INDArray gradWithBias;
    private final INDArray weightGradPart;
    private final INDArray biasGradPart;
    private final Op activation;
    private final Op derivative;
    private final Op[] afterActivation;
    private final Op[] afterDerivative;
    private final Op[] copyParameters;
    private final Op[] copyGradients;
    private final INDArray mask;
    /** The dropout mask of the current step, {@code [out, rows]}, or null for a layer that is never dropped. */
    private final INDArray dropMask;
    /** The Java side of {@link #dropMask}, filled at every step and copied in one block. */
    private final float[] dropValues;

    FusedLayer(LayerParams spec, Role role, INDArray params, INDArray gradient, long rows) {
        this.spec = spec;
        this.head = role.head();
        this.trainable = role.trainable();
        int fanIn = spec.fanIn();
        int out = spec.out();
        weights = matrix(params, spec.weightOffset(), out, fanIn);
        bias = vector(params, spec.biasOffset(), out).reshape('c', out, 1);
        weightGrad = matrix(gradient, spec.weightOffset(), out, fanIn);
        biasGrad = vector(gradient, spec.biasOffset(), out).reshape('c', out, 1);
        weightsWithBias = Nd4j.create(DataType.FLOAT, out, fanIn + 1);
        weightsPart = weightsWithBias.get(all(), interval(0, fanIn));
        biasPart = weightsWithBias.get(all(), interval(fanIn, fanIn + 1));
        gradWithBias = Nd4j.create(DataType.FLOAT, out, fanIn + 1);
        weightGradPart = gradWithBias.get(all(), interval(0, fanIn));
        biasGradPart = gradWithBias.get(all(), interval(fanIn, fanIn + 1));
        outputWithOnes = Nd4j.create(DataType.FLOAT, out + 1, rows);
        outputWithOnes.get(point(out), all()).assign(1);
        output = outputWithOnes.get(interval(0, out), all());
        outputGradWithOnes = Nd4j.create(DataType.FLOAT, out + 1, rows);
        outputGrad = outputGradWithOnes.get(interval(0, out), all());
        mask = head ? null : Nd4j.create(DataType.FLOAT, out, rows);
        dropMask = role.dropped() ? Nd4j.ones(DataType.FLOAT, out, rows) : null;
        dropValues = role.dropped() ? new float[Math.toIntExact((long) out * rows)] : null;
        // Assign(x, z) copies x into z
        copyParameters = new Op[] {new Assign(weights, weightsPart), new Assign(bias, biasPart)};
        copyGradients = new Op[] {new Assign(weightGradPart, weightGrad), new Assign(biasGradPart, biasGrad)};
        boolean leaky = spec.activation() == Activation.LEAKY_RELU;
        activation = head ? null : leaky ? new LeakyReLU(output, output, Activation.LEAKY_SLOPE)
                : new RectifiedLinear(output, output, 0.0);
        // the derivative read from the output: positive output ⇔ positive pre-activation
        derivative = head ? null : leaky ? new LeakyReLUDerivative(output, mask, Activation.LEAKY_SLOPE)
                : new Step(output, mask, 0.0);
        // the 0.01 slope, applied layer after layer, drives values toward float32's subnormal range, where the CPU
        // computes many times slower; flushing them to zero changes an Adam update by under 1e-20
        boolean flush = !head && leaky && role.flushBelow() > 0;
        afterActivation = flush ? new Op[] {flushBelow(output, role.flushBelow())} : new Op[0];
        afterDerivative = flush ? new Op[] {flushBelow(outputGrad, role.flushBelow())} : new Op[0];
    }

    /** Wires this layer after {@code before}. */
    void connect(FusedLayer before) {
        this.previous = before;
    }

    /** The matrix this layer multiplies, {@code [fanIn + 1, rows]} with a last row of ones. */
    abstract INDArray operand();

    /** Makes {@link #operand()} reflect the current input. */
    abstract void prepare();

    /** The buffer backward writes dLoss/dOperand into, {@code [fanIn + 1, rows]} (the last row is unused). */
    abstract INDArray operandGrad();

    /** Turns dLoss/dOperand into dLoss/dInput in the previous layer's {@link #outputGrad}. */
    abstract void propagate();

    /** Computes this layer's output from its input; the head stays linear (its output is the logits). */
    final void forward() {
        prepare();
        exec(copyParameters);
        Nd4j.gemm(weightsWithBias, operand(), output, false, false, 1.0, 0.0);
        if (activation != null) {
            exec(activation);
            exec(afterActivation);
        }
        if (dropMask != null) {
            output.muli(dropMask);
        }
    }

    /** Whether this layer's channels are dropped in training. */
    boolean dropped() {
        return dropMask != null;
    }

    /** Draws this step's dropout mask for {@code boards} boards of {@code pixels} cells. */
    void drawDropout(Dropout dropout, SplittableRandom random, int boards, int pixels) {
        dropout.fill(dropValues, spec.out(), boards, pixels, random);
        ((FloatPointer) dropMask.data().addressPointer()).put(dropValues, 0, dropValues.length);
    }

    /**
     * Given dLoss/dOutput in {@link #outputGrad} (for the head: dLoss/dLogit), writes this layer's parameter
     * gradients (unless frozen) and, except for the first layer, dLoss/dInput into the previous layer.
     */
    final void backward() {
        if (derivative != null) {
            exec(derivative);
            outputGrad.muli(mask);
            if (dropMask != null) {
                outputGrad.muli(dropMask);
            }
            exec(afterDerivative);
        }
        if (trainable) {
            Nd4j.gemm(outputGrad, operand(), gradWithBias, false, true, 1.0, 0.0);
            exec(copyGradients);
        }
        if (previous != null) {
            Nd4j.gemm(weightsWithBias, outputGrad, operandGrad(), true, false, 1.0, 0.0);
            propagate();
        }
    }

    private static Op flushBelow(INDArray array, double threshold) {
        return new CompareAndSet(array, 0.0, Conditions.absLessThan(threshold));
    }

    static void exec(Op... ops) {
        for (Op op : ops) {
            Nd4j.getExecutioner().exec(op);
        }
    }

    private static INDArray matrix(INDArray flat, int offset, int rows, int columns) {
        return vector(flat, offset, (long) rows * columns).reshape('c', rows, columns);
    }

    private static INDArray vector(INDArray flat, long offset, long length) {
        return flat.get(NDArrayIndex.interval(offset, offset + length));
    }
}
