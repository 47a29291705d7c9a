package org.minima.api.model;

import java.io.IOException;
import java.nio.file.Path;

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

    /** Writes this network as a file {@link Model#load} reads back (a DL4J model file for DL4J models). */
    void save(Path file) throws IOException;
}
