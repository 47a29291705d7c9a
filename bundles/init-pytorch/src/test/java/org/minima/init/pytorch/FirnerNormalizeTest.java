package org.minima.init.pytorch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.minima.api.Settings;
import org.minima.api.data.Game;
import org.minima.api.data.Neighbourhood;
import org.minima.api.init.InitRequest;
import org.minima.api.init.Initialization;
import org.minima.api.model.Activation;
import org.minima.api.model.LayerParams;
import org.minima.api.model.ModelSpec;
import org.minima.api.model.ParameterLayout;
import org.minima.api.model.ParameterVector;
import org.minima.arch.FirnerModel;

/** Weights from N(0, 0.02²) and biases from U(−1, 1), within sampling error on a wide network, per seed. */
class FirnerNormalizeTest {

    private static final ModelSpec WIDE = new ModelSpec(3, 40, 1, Activation.LEAKY_RELU);
    private static final ParameterLayout LAYOUT = new FirnerModel().layout(WIDE);
    private static final FirnerNormalize INIT = new FirnerNormalize();

    private static ParameterVector draw(long seed) {
        Initialization start = INIT.initialise(new InitRequest(WIDE, LAYOUT, seed,
                Game.conway(Neighbourhood.VON_NEUMANN), Optional.empty(), Settings.empty()));
        assertTrue(start.frozenBlocks().isEmpty());
        return start.parameters();
    }

    @Test
    void weightsAreNormalWithSdTwoHundredthsAndBiasesUniformOnMinusOneToOne() {
        ParameterVector values = draw(3);
        double[] weights = moments(values, true);
        double[] biases = moments(values, false);
        int weightCount = LAYOUT.layers().stream().mapToInt(LayerParams::weightCount).sum();
        int biasCount = LAYOUT.layers().stream().mapToInt(LayerParams::out).sum();
        assertEquals(0, weights[0], 5 * 0.02 / Math.sqrt(weightCount), "weight mean");
        assertEquals(0.02, weights[1], 5 * 0.02 / Math.sqrt(2.0 * weightCount), "weight sd");
        assertEquals(0, biases[0], 5 * Math.sqrt(1 / 3.0 / biasCount), "bias mean");
        assertEquals(Math.sqrt(1 / 3.0), biases[1], 0.05, "bias sd of U(-1, 1)");
        for (LayerParams layer : LAYOUT.layers()) {
            for (int o = 0; o < layer.out(); o++) {
                float bias = values.get(layer.biasIndex(o));
                assertTrue(bias >= -1 && bias <= 1, layer.name() + " bias " + o + ": " + bias);
            }
        }
    }

    @Test
    void theSeedDecidesTheDraw() {
        assertEquals(draw(5), draw(5));
        assertNotEquals(draw(5), draw(6));
    }

    /** Mean and standard deviation of every weight (or every bias) of the layout. */
    private static double[] moments(ParameterVector values, boolean weights) {
        double sum = 0;
        double squares = 0;
        long count = 0;
        for (LayerParams layer : LAYOUT.layers()) {
            int first = weights ? layer.weightOffset() : layer.biasOffset();
            int length = weights ? layer.weightCount() : layer.out();
            for (int i = first; i < first + length; i++) {
                sum += values.get(i);
                squares += (double) values.get(i) * values.get(i);
                count++;
            }
        }
        double mean = sum / count;
        return new double[] {mean, Math.sqrt(squares / count - mean * mean)};
    }
}
