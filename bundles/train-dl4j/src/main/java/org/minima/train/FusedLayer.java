package org.minima.train;

import org.minima.api.model.Activation;
import org.minima.api.model.LayerParams;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.scalar.LeakyReLU;
import org.nd4j.linalg.api.ops.impl.scalar.RectifiedLinear;
import org.nd4j.linalg.api.ops.impl.scalar.Step;
import org.nd4j.linalg.api.ops.impl.transforms.gradient.LeakyReLUDerivative;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * One convolution of a fused network, computed as matrix products over pixel rows. Activations are channel-major
 * matrices {@code [channels, B·H·W]}: a 1×1 convolution is {@code W·X}, a 3×3 one is {@code W·P} on a patch matrix
 * {@code P} ({@link PatchLayer}). Every buffer and view is allocated once, so a training step allocates nothing.
 */
abstract class FusedLayer {

    final LayerParams spec;
    /** Activations after this layer, {@code [out, rows]}; for the head, the logits. */
    final INDArray output;
    /** dLoss/dOutput, turned in place into dLoss/dPreActivation during backward. */
    final INDArray outputGrad;

    private final boolean head;
    private final boolean trainable;
    private final INDArray weights;
    private final INDArray bias;
    private final INDArray weightGrad;
    private final INDArray biasGrad;
    private final INDArray mask;

    FusedLayer(LayerParams spec, boolean head, boolean trainable, INDArray params, INDArray gradient, long rows) {
        this.spec = spec;
        this.head = head;
        this.trainable = trainable;
        int fanIn = spec.fanIn();
        this.weights = matrix(params, spec.weightOffset(), spec.out(), fanIn);
        this.bias = vector(params, spec.biasOffset(), spec.out());
        this.weightGrad = matrix(gradient, spec.weightOffset(), spec.out(), fanIn);
        this.biasGrad = vector(gradient, spec.biasOffset(), spec.out());
        this.output = Nd4j.create(DataType.FLOAT, spec.out(), rows);
        this.outputGrad = Nd4j.create(DataType.FLOAT, spec.out(), rows);
        this.mask = head ? null : Nd4j.create(DataType.FLOAT, spec.out(), rows);
    }

    /** The input ({@code [in, rows]}, the previous layer's output) and its gradient buffer; null for the first. */
    INDArray input;
    INDArray inputGrad;

    /** Wires this layer after {@code previous}. */
    void connect(FusedLayer previous) {
        this.input = previous.output;
        this.inputGrad = previous.outputGrad;
    }

    /** The matrix this layer multiplies: the input itself (1×1) or its patches (k×k), {@code [fanIn, rows]}. */
    abstract INDArray operand();

    /** Makes {@link #operand()} reflect the current input. */
    abstract void prepare();

    /** The buffer backward writes dLoss/dOperand into. */
    abstract INDArray operandGrad();

    /** Turns dLoss/dOperand into dLoss/dInput in {@link #inputGrad}. */
    abstract void propagate();

    /** Computes this layer's output from its input; the head stays linear (its output is the logits). */
    final void forward() {
        prepare();
        Nd4j.gemm(weights, operand(), output, false, false, 1.0, 0.0);
        output.addiColumnVector(bias);
        if (head) {
            return;
        }
        if (spec.activation() == Activation.LEAKY_RELU) {
            Nd4j.exec(new LeakyReLU(output, output, Activation.LEAKY_SLOPE));
        } else {
            Nd4j.exec(new RectifiedLinear(output, output, 0.0));
        }
    }

    /**
     * Given dLoss/dOutput in {@link #outputGrad} (for the head: dLoss/dLogit), writes this layer's parameter
     * gradients (unless frozen) and, except for the first layer, dLoss/dInput into {@link #inputGrad}.
     */
    final void backward() {
        if (!head) {
            // the activation's derivative read from its output: positive output ⇔ positive pre-activation
            if (spec.activation() == Activation.LEAKY_RELU) {
                Nd4j.exec(new LeakyReLUDerivative(output, mask, Activation.LEAKY_SLOPE));
            } else {
                Nd4j.exec(new Step(output, mask, 0.0));
            }
            outputGrad.muli(mask);
        }
        if (trainable) {
            Nd4j.gemm(outputGrad, operand(), weightGrad, false, true, 1.0, 0.0);
            outputGrad.sum(biasGrad, 1);
        }
        if (inputGrad != null) {
            Nd4j.gemm(weights, outputGrad, operandGrad(), true, false, 1.0, 0.0);
            propagate();
        }
    }

    private static INDArray matrix(INDArray flat, int offset, int rows, int columns) {
        return vector(flat, offset, (long) rows * columns).reshape('c', rows, columns);
    }

    private static INDArray vector(INDArray flat, long offset, long length) {
        return flat.get(NDArrayIndex.interval(offset, offset + length));
    }
}
