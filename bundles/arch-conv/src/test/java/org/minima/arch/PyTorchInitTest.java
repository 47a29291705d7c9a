package org.minima.arch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.minima.api.model.Activation;
import org.minima.api.model.LayerParams;
import org.minima.api.model.Model;
import org.minima.api.model.ModelSpec;
import org.minima.api.model.ParameterLayout;
import org.minima.api.model.ParameterVector;

class PyTorchInitTest {

    private static final ModelSpec WIDE = new ModelSpec(2, 16, 1, Activation.RELU);

    @Test
    void samesSeedSameVectorOtherSeedOtherVector() throws Exception {
        for (Model model : List.of(new FirnerModel(), new SpringerKenyonModel())) {
            ParameterVector a = model.initialise(WIDE, 7);
            assertEquals(a, model.initialise(WIDE, 7));
            assertNotEquals(a, model.initialise(WIDE, 8));
            ExecutorService pool = Executors.newFixedThreadPool(3);
            try {
                List<Future<ParameterVector>> parallel = List.of(pool.submit(() -> model.initialise(WIDE, 7)),
                        pool.submit(() -> model.initialise(WIDE, 7)), pool.submit(() -> model.initialise(WIDE, 7)));
                for (Future<ParameterVector> f : parallel) {
                    assertEquals(a, f.get());
                }
            } finally {
                pool.shutdown();
            }
        }
    }

    @Test
    void everyLayerIsUniformWithinOneOverRootFanIn() {
        for (Model model : List.of(new FirnerModel(), new SpringerKenyonModel())) {
            ParameterLayout layout = model.layout(WIDE);
            ParameterVector p = model.initialise(WIDE, 42);
            int[] bins = new int[10];
            for (LayerParams l : layout.layers()) {
                double bound = 1 / Math.sqrt(l.fanIn());
                double sum = 0;
                for (int i = Math.min(l.biasOffset(), l.weightOffset()); i < l.biasOffset() + l.size(); i++) {
                    double u = p.get(i) / bound;
                    assertTrue(Math.abs(u) <= 1 + 1e-6, l.name() + "[" + i + "] = " + p.get(i) + " beyond " + bound);
                    bins[Math.min(9, (int) ((u + 1) * 5))]++;
                    sum += u;
                }
                if (l.size() >= 500) {
                    assertEquals(0, sum / l.size(), 0.1, l.name() + " mean / bound");
                }
            }
            double expected = layout.size() / 10.0;
            for (int b : bins) {
                assertEquals(expected, b, 0.2 * expected, "histogram of value / bound over [-1, 1): "
                        + java.util.Arrays.toString(bins));
            }
        }
    }
}
