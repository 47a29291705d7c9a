package org.minima.arch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.minima.api.model.Activation;
import org.minima.api.model.LayerParams;
import org.minima.api.model.ModelSpec;
import org.minima.api.model.ParameterLayout;

class FormLayoutTest {

    private final FirnerModel firner = new FirnerModel();
    private final SpringerKenyonModel springerKenyon = new SpringerKenyonModel();

    @Test
    void minimalFirnerBlockHas25Parameters() {
        for (int n = 1; n <= 5; n++) {
            ParameterLayout layout = firner.layout(new ModelSpec(n, 1, 1, Activation.RELU));
            assertEquals(n, layout.blocks());
            assertEquals(3 * n, layout.layers().size());
            assertEquals(25 * n, layout.size());
            for (int b = 0; b < n; b++) {
                assertEquals(25, layout.blockSize(b));
            }
        }
    }

    @Test
    void firnerBlockHas2mSquaredPlus22mPlus1Parameters() {
        for (int m : new int[] {1, 2, 3, 5, 8, 16}) {
            ParameterLayout layout = firner.layout(new ModelSpec(3, m, 1, Activation.LEAKY_RELU));
            for (int b = 0; b < 3; b++) {
                assertEquals(2 * m * m + 22 * m + 1, layout.blockSize(b), "m = " + m);
            }
        }
    }

    @Test
    void springerKenyonHas2nPlus1LayersAndItsCounts() {
        for (int m : new int[] {1, 2, 4}) {
            for (int n = 1; n <= 4; n++) {
                ParameterLayout layout = springerKenyon.layout(new ModelSpec(n, m, 1, Activation.RELU));
                assertEquals(2 * n + 1, layout.layers().size());
                int first = 9 * 2 * m + 2 * m + 2 * m * m + m;
                int later = 9 * m * 2 * m + 2 * m + 2 * m * m + m;
                int head = m + 1;
                assertEquals(first + (n - 1) * later + head, layout.size(), "n = " + n + ", m = " + m);
                assertEquals(first + (n == 1 ? head : 0), layout.blockSize(0));
            }
        }
        assertEquals(23 * 3 + 2, springerKenyon.layout(new ModelSpec(3, 1, 1, Activation.RELU)).size());
    }

    @Test
    void depthFactorGivesFloorOfNTimesDBlocks() {
        double[][] cases = {{3, 1.5, 4}, {5, 1.3, 6}, {2, 2, 4}, {7, 1.01, 7}, {10, 1.1, 11}};
        for (double[] c : cases) {
            ModelSpec spec = new ModelSpec((int) c[0], 1, c[1], Activation.RELU);
            assertEquals((int) c[2], firner.layout(spec).blocks(), "firner " + spec);
            assertEquals((int) c[2], springerKenyon.layout(spec).blocks(), "springer-kenyon " + spec);
            assertEquals(25 * (int) c[2], firner.layout(spec).size());
        }
    }

    @Test
    void layersAreNamedAndChainedAsTheFormsSay() {
        List<LayerParams> f = firner.layout(new ModelSpec(2, 3, 1, Activation.LEAKY_RELU)).layers();
        assertEquals(List.of("b0.conv3x3", "b0.conv1x1a", "b0.conv1x1b", "b1.conv3x3", "b1.conv1x1a", "head"),
                f.stream().map(LayerParams::name).toList());
        assertShape(f.get(0), 0, 0, 6, 1, 3, Activation.LEAKY_RELU);
        assertShape(f.get(1), 0, 1, 3, 6, 1, Activation.LEAKY_RELU);
        assertShape(f.get(2), 0, 2, 1, 3, 1, Activation.LEAKY_RELU);
        assertShape(f.get(3), 1, 0, 6, 1, 3, Activation.LEAKY_RELU);
        assertShape(f.get(5), 1, 2, 1, 3, 1, Activation.SIGMOID);

        List<LayerParams> s = springerKenyon.layout(new ModelSpec(2, 3, 1, Activation.RELU)).layers();
        assertEquals(List.of("b0.conv3x3", "b0.conv1x1a", "b1.conv3x3", "b1.conv1x1a", "head"),
                s.stream().map(LayerParams::name).toList());
        assertShape(s.get(0), 0, 0, 6, 1, 3, Activation.RELU);
        assertShape(s.get(1), 0, 1, 3, 6, 1, Activation.RELU);
        assertShape(s.get(2), 1, 0, 6, 3, 3, Activation.RELU);
        assertShape(s.get(3), 1, 1, 3, 6, 1, Activation.RELU);
        assertShape(s.get(4), 1, 2, 1, 3, 1, Activation.SIGMOID);
    }

    @Test
    void everyFlatIndexBelongsToExactlyOneLayerBiasesFirst() {
        ParameterLayout layout = springerKenyon.layout(new ModelSpec(3, 2, 1.5, Activation.RELU));
        int[] owner = new int[layout.size()];
        int next = 0;
        for (LayerParams l : layout.layers()) {
            assertEquals(next, l.biasOffset(), l.name());
            assertEquals(next + l.out(), l.weightOffset(), l.name());
            for (int i = next; i < next + l.size(); i++) {
                owner[i]++;
            }
            next += l.size();
        }
        assertEquals(layout.size(), next);
        for (int count : owner) {
            assertEquals(1, count);
        }
    }

    @Test
    void checkRejectsNetworksTooLargeForAParameterVector() {
        ModelSpec huge = new ModelSpec(1000, 1024, 16, Activation.RELU);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> springerKenyon.check(huge));
        assertTrue(e.getMessage().contains("parameters"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> firner.layout(huge));
        firner.check(new ModelSpec(20, 10, 2, Activation.LEAKY_RELU));
    }

    private static void assertShape(LayerParams l, int block, int position, int out, int in, int kernel,
                                    Activation activation) {
        assertEquals(block, l.block(), l.name());
        assertEquals(position, l.position(), l.name());
        assertEquals(out, l.out(), l.name());
        assertEquals(in, l.in(), l.name());
        assertEquals(kernel, l.kernelHeight(), l.name());
        assertEquals(kernel, l.kernelWidth(), l.name());
        assertEquals(activation, l.activation(), l.name());
    }
}
