package org.minima.arch;

import org.bytedeco.javacpp.FloatPointer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Bulk copies between Java {@code float[]} and ND4J float arrays. ND4J's own ({@code DataBuffer.asFloat},
 * {@code Nd4j.createFromArray}) go element by element through an indexer, which profiles showed costing more than
 * the arithmetic on these small networks.
 */
final class FloatBuffers {

    private FloatBuffers() {
    }

    /** The values of {@code array} in c order, as float. */
    static float[] read(INDArray array) {
        INDArray flat = contiguous(array.castTo(DataType.FLOAT));
        float[] values = new float[Math.toIntExact(flat.length())];
        ((FloatPointer) flat.data().addressPointer()).get(values, 0, values.length);
        return values;
    }

    /** A new float array of {@code shape} holding {@code values} in c order. */
    static INDArray write(float[] values, long... shape) {
        INDArray array = Nd4j.create(DataType.FLOAT, shape);
        ((FloatPointer) array.data().addressPointer()).put(values, 0, values.length);
        return array;
    }

    /** {@code array} itself when it owns a c-ordered buffer, else a c-ordered copy. */
    static INDArray contiguous(INDArray array) {
        return array.isView() || array.ordering() != 'c' ? array.dup('c') : array;
    }
}
