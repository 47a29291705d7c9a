package org.minima.api.data;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * A batch of boards and their states after 0..{@link #steps()} steps. Immutable: every accessor returns a fresh
 * array the caller may modify.
 */
@ConsumerType
public interface Boards {

    /** Board size. */
    BoardShape shape();

    /** Number of boards. */
    int count();

    /** Number of steps computed; states 0..steps are available. */
    int steps();

    /**
     * The boards after {@code step} steps as row-major cells {@code [board][row][column]}, 1 alive, 0 dead.
     *
     * @throws IndexOutOfBoundsException if step is outside 0..steps()
     */
    float[] cells(int step);

    /** The boards after {@code step} steps as an ND4J float array of shape {@code [count, 1, height, width]}. */
    INDArray state(int step);

    /** The network input: {@code state(0)}. */
    default INDArray input() {
        return state(0);
    }

    /** The training target: {@code state(steps())}. */
    default INDArray target() {
        return state(steps());
    }
}
