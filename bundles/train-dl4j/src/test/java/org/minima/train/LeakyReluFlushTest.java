package org.minima.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.minima.train.Fixtures.assertClose;

import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.minima.api.model.Activation;
import org.minima.api.model.ModelSpec;
import org.minima.api.model.ParameterLayout;
import org.minima.api.model.ParameterVector;
import org.minima.api.train.Optimizer;

/**
 * The flush that keeps deep LeakyReLU networks fast (activations and gradients below {@link FusedLayer#FLUSH_BELOW}
 * set to zero, docs/PERFORMANCE.md) leaves training within float32 rounding of training without it, in every engine
 * that flushes, on a 12-step network where the 0.01 slope compounds; a flush large enough to matter (1e-3) does not,
 * so the comparison can tell.
 */
class LeakyReluFlushTest {

    private static final int SIZE = 6;
    private static final int COUNT = 8;
    private static final int STEPS = 20;
    private static final ModelSpec DEEP = new ModelSpec(12, 2, 1, Activation.LEAKY_RELU);

    @ParameterizedTest
    @ValueSource(strings = {"fused", "planes"})
    void flushingTinyValuesChangesDeepTrainingOnlyWithinRounding(String engine) {
        float[] exact = train(engine, 0);
        assertClose(exact, train(engine, FusedLayer.FLUSH_BELOW), 1e-6);
        assertTrue(largestDifference(exact, train(engine, 1e-3)) > 1e-5, "a coarse flush changes training");
    }

    /**
     * Without the flush, this network's values do fall below it (the gradients with respect to its activations, which
     * shrink by the 0.01 slope through every layer on the negative side; its biases keep the activations themselves
     * away from zero), and with it none is left: the comparison above is not of two identical computations.
     */
    @Test
    void theFlushFiresOnThisNetwork() {
        PlaneEngine unflushed = planes(0);
        PlaneEngine flushed = planes(FusedLayer.FLUSH_BELOW);
        long tiny = 0;
        for (int k = 0; k < STEPS; k++) {
            unflushed.step(Fixtures.batch(DEEP.steps(), SIZE, COUNT, k), false);
            flushed.step(Fixtures.batch(DEEP.steps(), SIZE, COUNT, k), false);
            tiny += unflushed.valuesBelow(FusedLayer.FLUSH_BELOW);
            assertEquals(0, flushed.valuesBelow(FusedLayer.FLUSH_BELOW), "step " + k + ": the flush zeroed them all");
        }
        assertTrue(tiny > 0, "activations and their gradients below " + FusedLayer.FLUSH_BELOW + " over " + STEPS
                + " steps: " + tiny);
    }

    private static PlaneEngine planes(double flushBelow) {
        return new PlaneEngine(Fixtures.FIRNER.layout(DEEP), DEEP, Fixtures.initial(Fixtures.FIRNER, DEEP, 5),
                Set.of(), Optimizer.adam(0.01), COUNT, SIZE, SIZE, Dropout.NONE, flushBelow);
    }

    /** {@link #STEPS} Adam steps of {@code engine} from the same start on the same batches. */
    private static float[] train(String engine, double flushBelow) {
        ParameterLayout layout = Fixtures.FIRNER.layout(DEEP);
        ParameterVector initial = Fixtures.initial(Fixtures.FIRNER, DEEP, 5);
        Optimizer adam = Optimizer.adam(0.01);
        Engine trainer = engine.equals("planes")
                ? new PlaneEngine(layout, DEEP, initial, Set.of(), adam, COUNT, SIZE, SIZE, Dropout.NONE, flushBelow)
                : new FusedEngine(layout, DEEP, initial, Set.of(), adam, COUNT, SIZE, SIZE, Dropout.NONE, flushBelow);
        for (int k = 0; k < STEPS; k++) {
            trainer.step(Fixtures.batch(DEEP.steps(), SIZE, COUNT, k), false);
        }
        return trainer.parameters().toArray();
    }

    private static double largestDifference(float[] a, float[] b) {
        double largest = 0;
        for (int i = 0; i < a.length; i++) {
            largest = Math.max(largest, Math.abs(a[i] - b[i]));
        }
        return largest;
    }
}
