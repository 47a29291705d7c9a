package org.example.weightnorms;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.minima.api.Table;
import org.minima.api.model.Activation;
import org.minima.api.model.LayerParams;
import org.minima.api.model.ParameterLayout;
import org.minima.api.model.ParameterVector;

/** The arithmetic on a layout written by hand: two 1x1 layers whose weights are known. */
class WeightNormsTest {

    private static final ParameterLayout LAYOUT = new ParameterLayout(List.of(
            new LayerParams(0, 0, "b0.conv1x1", 2, 1, 1, 1, Activation.RELU, 0, 2),
            new LayerParams(1, 0, "head", 1, 2, 1, 1, Activation.SIGMOID, 4, 6)), 7);

    @Test
    void normsLargestMagnitudeAndNearZeroShareOfEachLayer() {
        ParameterVector parameters = ParameterVector.of(new float[] {3, -4, 100, 100, -2, 0.0001f, 7});
        Table table = WeightNorms.rows(LAYOUT, parameters, 0.001);
        assertEquals(List.of("b0.conv1x1", "head"), table.distinct("layer"));
        assertEquals(5, table.number(0, "weight_l2"), 1e-6, "the biases (100) are not weights");
        assertEquals(4, table.number(0, "weight_max_abs"), 1e-6);
        assertEquals(0, table.number(0, "near_zero_share"), 0);
        assertEquals(Math.sqrt(4 + 1e-8), table.number(1, "weight_l2"), 1e-6);
        assertEquals(0.5, table.number(1, "near_zero_share"), 0, "one of the head's two weights is below 0.001");
    }
}
