package org.minima.init.pytorch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.minima.api.Settings;
import org.minima.api.data.Game;
import org.minima.api.data.Neighbourhood;
import org.minima.api.init.InitRequest;
import org.minima.api.init.Initialization;
import org.minima.api.model.Activation;
import org.minima.api.model.LayerParams;
import org.minima.api.model.Model;
import org.minima.api.model.ModelSpec;
import org.minima.api.model.ParameterLayout;
import org.minima.api.model.ParameterVector;
import org.minima.arch.FirnerModel;
import org.minima.arch.SpringerKenyonModel;

class PyTorchDefaultTest {

    private static final ModelSpec WIDE = new ModelSpec(2, 16, 1, Activation.RELU);
    private static final List<Model> FORMS = List.of(new FirnerModel(), new SpringerKenyonModel());
    private static final PyTorchDefault INIT = new PyTorchDefault();

    private static Initialization initialise(Model model, long seed) {
        return INIT.initialise(new InitRequest(WIDE, model.layout(WIDE), seed, Game.conway(Neighbourhood.MOORE),
                Optional.empty(), Settings.empty()));
    }

    @Test
    void sameSeedSameVectorOtherSeedOtherVectorWhateverTheThread() throws Exception {
        for (Model model : FORMS) {
            ParameterVector a = initialise(model, 7).parameters();
            assertEquals(a, initialise(model, 7).parameters());
            assertNotEquals(a, initialise(model, 8).parameters());
            ExecutorService pool = Executors.newFixedThreadPool(3);
            try {
                List<Future<ParameterVector>> parallel = List.of(pool.submit(() -> initialise(model, 7).parameters()),
                        pool.submit(() -> initialise(model, 7).parameters()),
                        pool.submit(() -> initialise(model, 7).parameters()));
                for (Future<ParameterVector> f : parallel) {
                    assertEquals(a, f.get());
                }
            } finally {
                pool.shutdown();
            }
        }
    }

    @Test
    void freezesNothing() {
        assertEquals(java.util.Set.of(), initialise(FORMS.get(0), 1).frozenBlocks());
    }

    @Test
    void everyLayerIsUniformWithinOneOverRootFanIn() {
        for (Model model : FORMS) {
            ParameterLayout layout = model.layout(WIDE);
            ParameterVector p = initialise(model, 42).parameters();
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
                        + Arrays.toString(bins));
            }
        }
    }
}
