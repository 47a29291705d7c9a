package org.minima.api.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

class ParameterVectorTest {

    private final ParameterVector a = ParameterVector.of(new float[] {0, 2, -4});
    private final ParameterVector b = ParameterVector.of(new float[] {1, 0, 4});

    @Test
    void interpolatesFromOneEndToTheOther() {
        assertEquals(a, a.interpolate(b, 0));
        assertEquals(b, a.interpolate(b, 1));
        assertArrayEquals(new float[] {0.5f, 1, 0}, a.interpolate(b, 0.5).toArray());
    }

    @Test
    void measuresDistances() {
        assertEquals(11, a.l1Distance(b), 1e-12);
        assertEquals(Math.sqrt(1 + 4 + 64), a.l2Distance(b), 1e-12);
        assertThrows(IllegalArgumentException.class, () -> a.l1Distance(ParameterVector.zeros(2)));
    }

    @Test
    void isImmutable() {
        float[] values = {1, 2};
        ParameterVector v = ParameterVector.of(values);
        values[0] = 9;
        v.toArray()[1] = 9;
        assertArrayEquals(new float[] {1, 2}, v.toArray());
    }

    @Test
    void splicesBlocksByLayout() {
        LayerParams first = new LayerParams(0, 0, "b0", 1, 1, 1, 1, Activation.RELU, 1, 0);
        LayerParams second = new LayerParams(1, 0, "b1", 1, 1, 1, 1, Activation.SIGMOID, 3, 2);
        ParameterLayout layout = new ParameterLayout(List.of(first, second), 4);
        assertArrayEquals(new int[] {2, 3}, layout.indicesOf(Set.of(1)));
        assertEquals(2, layout.blocks());
        ParameterVector base = ParameterVector.zeros(4);
        ParameterVector donor = ParameterVector.of(new float[] {1, 2, 3, 4});
        assertArrayEquals(new float[] {0, 0, 3, 4}, base.splice(donor, layout.indicesOf(Set.of(1))).toArray());
        assertThrows(IllegalArgumentException.class, () -> new ParameterLayout(List.of(first), 4));
    }
}
