package org.minima.train;

import org.minima.api.model.LayerParams;
import org.nd4j.linalg.api.ndarray.INDArray;

/** A 1×1 convolution: its operand is the previous layer's output, and dLoss/dOperand is dLoss/dInput. */
final class PointwiseLayer extends FusedLayer {

    PointwiseLayer(LayerParams spec, Role role, INDArray params, INDArray gradient, long rows) {
        super(spec, role, params, gradient, rows);
    }

    @Override
    INDArray operand() {
        return previous.outputWithOnes;
    }

    @Override
    void prepare() {
        // the previous layer's output, with its row of ones, is the operand
    }

    @Override
    INDArray operandGrad() {
        return previous.outputGradWithOnes;
    }

    @Override
    void propagate() {
        // the product already landed in the previous layer's gradient buffer
    }
}
