package org.minima.eval;

import java.nio.file.Path;
import java.util.function.UnaryOperator;

import org.minima.api.model.ModelSpec;
import org.minima.api.model.Network;
import org.minima.api.model.ParameterLayout;
import org.minima.api.model.ParameterVector;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A network with a fixed output function of the input and a fixed loss; it remembers what {@link #loss} was asked
 * about so a test can check the evaluator passed the boards' input and target.
 */
final class FixedNetwork implements Network {

    private final UnaryOperator<INDArray> output;
    private final double loss;
    INDArray lossInput;
    INDArray lossTarget;

    FixedNetwork(UnaryOperator<INDArray> output, double loss) {
        this.output = output;
        this.loss = loss;
    }

    @Override
    public INDArray output(INDArray input) {
        return output.apply(input);
    }

    @Override
    public double loss(INDArray input, INDArray target) {
        lossInput = input;
        lossTarget = target;
        return loss;
    }

    @Override
    public ModelSpec spec() {
        throw new UnsupportedOperationException();
    }

    @Override
    public ParameterLayout layout() {
        throw new UnsupportedOperationException();
    }

    @Override
    public ParameterVector parameters() {
        throw new UnsupportedOperationException();
    }

    @Override
    public void setParameters(ParameterVector parameters) {
        throw new UnsupportedOperationException();
    }

    @Override
    public void save(Path file) {
        throw new UnsupportedOperationException();
    }
}
