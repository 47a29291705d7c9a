package org.minima.train;

import org.bytedeco.javacpp.FloatPointer;
import org.minima.api.model.ParameterVector;
import org.minima.api.train.Optimizer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.Op;
import org.nd4j.linalg.api.ops.impl.transforms.pairwise.arithmetic.Axpy;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.GradientUpdater;
import org.nd4j.linalg.learning.config.IUpdater;

/**
 * One flat parameter vector and its gradient in ND4J, updated by ND4J's own rule for the optimizer (so every engine
 * updates exactly as DL4J's {@code fit} does): the update is computed from the gradient in place, then subtracted.
 */
final class ParameterUpdate {

    private final INDArray params;
    private final INDArray gradient;
    private final GradientUpdater<?> updater;
    private final Op subtract;
    private int iteration;

    ParameterUpdate(ParameterVector initial, Optimizer optimizer) {
        this.params = Nd4j.createFromArray(initial.toArray());
        this.gradient = Nd4j.create(DataType.FLOAT, initial.size());
        IUpdater config = Updaters.of(optimizer);
        long stateSize = config.stateSize(initial.size());
        INDArray state = stateSize == 0 ? null : Nd4j.create(DataType.FLOAT, 1, stateSize);
        this.updater = config.instantiate(state, true);
        this.subtract = new Axpy(gradient, params, params, -1.0);
    }

    INDArray params() {
        return params;
    }

    INDArray gradient() {
        return gradient;
    }

    /** One update from the gradient in {@link #gradient()}, which it overwrites. */
    void apply() {
        updater.applyUpdater(gradient, iteration++, 0);
        Nd4j.getExecutioner().exec(subtract);
    }

    /** One update from {@code values}, the gradient as a Java array; then {@code into} receives the parameters. */
    void apply(float[] values, float[] into) {
        pointer(gradient).put(values, 0, values.length);
        apply();
        pointer(params).get(into, 0, into.length);
    }

    ParameterVector parameters() {
        return ParameterVector.of(params.toFloatVector());
    }

    private static FloatPointer pointer(INDArray array) {
        return (FloatPointer) array.data().addressPointer();
    }
}
