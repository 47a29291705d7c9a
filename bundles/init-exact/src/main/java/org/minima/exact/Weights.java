package org.minima.exact;

import org.minima.api.data.Neighbourhood;
import org.minima.api.model.LayerParams;
import org.minima.api.model.ParameterVector;

/** A parameter vector being written layer by layer; everything not written stays zero. */
final class Weights {

    private final float[] values;

    Weights(int size) {
        values = new float[size];
    }

    void weight(LayerParams layer, int out, int in, double value) {
        values[layer.weightIndex(out, in, layer.kernelHeight() / 2, layer.kernelWidth() / 2)] = (float) value;
    }

    void bias(LayerParams layer, int out, double value) {
        values[layer.biasIndex(out)] = (float) value;
    }

    /** A 3×3 kernel on input channel 0: {@code neighbour} on neighbourhood cells, {@code centre} in the middle. */
    void kernel(LayerParams layer, int out, Neighbourhood neighbourhood, double neighbour, double centre) {
        for (int r = 0; r < 3; r++) {
            for (int c = 0; c < 3; c++) {
                int dr = r - 1;
                int dc = c - 1;
                double value = dr == 0 && dc == 0 ? centre : neighbourhood.contains(dr, dc) ? neighbour : 0;
                values[layer.weightIndex(out, 0, r, c)] = (float) value;
            }
        }
    }

    ParameterVector vector() {
        return ParameterVector.of(values);
    }
}
