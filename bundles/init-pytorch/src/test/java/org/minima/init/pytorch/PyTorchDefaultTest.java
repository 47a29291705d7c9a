package org.minima.init.pytorch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
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
        return initialise(model, seed, 0);
    }

    private static Initialization initialise(Model model, long seed, int flips) {
        return INIT.initialise(new InitRequest(WIDE, model.layout(WIDE), seed, Game.conway(Neighbourhood.MOORE),
                Optional.empty(), Settings.of(INIT.options(), Map.of(PyTorchDefault.FLIP, String.valueOf(flips)))));
    }

    @Test
    void aFlipChangesTheSignOfExactlyThatManyWeightsOfTheSameDrawAndNoBias() {
        for (Model model : FORMS) {
            ParameterLayout layout = model.layout(WIDE);
            float[] drawn = initialise(model, 7).parameters().toArray();
            for (int flips : List.of(1, 3)) {
                float[] flipped = initialise(model, 7, flips).parameters().toArray();
                int changed = 0;
                for (int i = 0; i < drawn.length; i++) {
                    if (flipped[i] != drawn[i]) {
                        changed++;
                        assertEquals(-drawn[i], flipped[i], "a flip changes the sign only");
                        int index = i;
                        assertTrue(layout.layers().stream().anyMatch(l -> index >= l.weightOffset()
                                && index < l.weightOffset() + l.weightCount()), "flipped index " + i + " is a weight");
                    }
                }
                assertEquals(flips, changed, model.getClass().getSimpleName() + ", flip = " + flips);
            }
            assertEquals(initialise(model, 7, 1).parameters(), initialise(model, 7, 1).parameters(),
                    "the seed decides which weight");
        }
    }

    @Test
    void theFlippedWeightIsUniformOverTheWeights() {
        ParameterLayout layout = new FirnerModel().layout(new ModelSpec(1, 1, 1, Activation.RELU));
        int weights = layout.layers().stream().mapToInt(LayerParams::weightCount).sum();
        int[] hits = new int[layout.size()];
        int seeds = 200 * weights;
        for (int seed = 0; seed < seeds; seed++) {
            ParameterVector drawn = PyTorchDefault.draw(layout, seed);
            float[] flipped = PyTorchDefault.flipped(drawn, layout, seed, 1).toArray();
            float[] original = drawn.toArray();
            for (int i = 0; i < original.length; i++) {
                hits[i] += flipped[i] != original[i] ? 1 : 0;
            }
        }
        for (LayerParams l : layout.layers()) {
            for (int i = l.weightOffset(); i < l.weightOffset() + l.weightCount(); i++) {
                assertTrue(Math.abs(hits[i] - 200) < 5 * Math.sqrt(200), "weight " + i + " flipped " + hits[i]
                        + " times of about 200");
            }
        }
    }

    @Test
    void moreFlipsThanWeightsAreRefusedNamingTheOption() {
        ParameterLayout layout = new FirnerModel().layout(new ModelSpec(1, 1, 1, Activation.RELU));
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> PyTorchDefault.flipped(PyTorchDefault.draw(layout, 1), layout, 1, 1000));
        assertTrue(error.getMessage().contains("pytorch-default.flip = 1000"), error.getMessage());
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
