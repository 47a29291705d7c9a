package org.minima.api.model;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * A network with concrete parameters that can predict and score boards. Not thread-safe: use one per thread.
 * It accepts boards of any size, so a network trained on 10×10 boards evaluates on 5×5 ones.
 */
@ConsumerType
public interface Network {

    ModelSpec spec();

    ParameterLayout layout();

    /** The current parameters. */
    ParameterVector parameters();

    /** Replaces every parameter. */
    void setParameters(ParameterVector parameters);

    /** Cell-alive probabilities for {@code input} {@code [B, 1, H, W]}; same shape. */
    INDArray output(INDArray input);

    /** Binary cross-entropy averaged over every cell of every board. */
    double loss(INDArray input, INDArray target);

    /**
     * The gradient of {@link #loss} with respect to every parameter, in the layout's order, at the current parameters:
     * what low-loss curves and curvature need. A network that cannot differentiate itself throws
     * {@link UnsupportedOperationException}, as this default does.
     */
    default ParameterVector gradient(INDArray input, INDArray target) {
        throw new UnsupportedOperationException(getClass().getName() + " gives no gradients");
    }

    /**
     * Every layer's output before its activation at the current parameters, in the layout's order, each
     * [B, out, H, W] for {@code input} [B, 1, H, W]; the last is the head's logits. A unit is active on a cell where
     * its value is above 0 (ReLU passes it), so diagnoses read dead and saturated units from here. A network that
     * cannot expose its layers throws {@link UnsupportedOperationException}, as this default does.
     */
    default List<INDArray> preActivations(INDArray input) {
        throw new UnsupportedOperationException(getClass().getName() + " does not expose its layers");
    }

    /** Writes this network as a file {@link Model#load} reads back (a DL4J model file for DL4J models). */
    void save(Path file) throws IOException;
}
