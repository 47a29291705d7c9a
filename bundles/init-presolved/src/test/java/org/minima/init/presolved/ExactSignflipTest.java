package org.minima.init.presolved;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.minima.api.InvalidOption;
import org.minima.api.model.ModelSpec;
import org.minima.api.model.ParameterVector;
import org.minima.testkit.Experiments;
import org.minima.testkit.TestRunContext;

/** Exactly k non-zero weights change, each to its negative; biases never; too many flips are refused. */
class ExactSignflipTest {

    private static final ExactSignflip FLIP = new ExactSignflip();
    private static final ModelSpec SPEC = Starts.spec(2, 2);

    @TempDir
    Path folder;

    @Test
    void kNonZeroWeightsAreNegatedAndNothingElseChanges() {
        ParameterVector exact = Starts.exact(SPEC).parameters();
        List<Integer> weights = ExactSignflip.nonZeroWeights(Starts.FIRNER.layout(SPEC), exact.toArray());
        for (int flips : List.of(0, 1, 3, weights.size())) {
            ParameterVector start = FLIP.initialise(Starts.request(FLIP, SPEC, 5, Map.of("flips", "" + flips)))
                    .parameters();
            int changed = 0;
            for (int i = 0; i < exact.size(); i++) {
                if (start.get(i) != exact.get(i)) {
                    assertTrue(weights.contains(i), "only non-zero weights change: " + i);
                    assertEquals(-exact.get(i), start.get(i));
                    changed++;
                }
            }
            assertEquals(flips, changed);
        }
        ParameterVector one = FLIP.initialise(Starts.request(FLIP, SPEC, 5, Map.of())).parameters();
        assertEquals(one, FLIP.initialise(Starts.request(FLIP, SPEC, 5, Map.of())).parameters());
        assertNotEquals(one, FLIP.initialise(Starts.request(FLIP, SPEC, 6, Map.of())).parameters());
    }

    @Test
    void moreFlipsThanNonZeroWeightsAreRefusedBeforeTraining() {
        InvalidOption e = assertThrows(InvalidOption.class, () -> FLIP.check(TestRunContext.in(folder)
                .settings(FLIP, Map.of("flips", "10000")).model(Starts.FIRNER).solutions(Starts.EXACT)
                .experiment(Experiments.firner(List.of(1), List.of(2))).build()));
        assertEquals("flips", e.key());
        assertTrue(e.getMessage().contains("non-zero weights"), e.getMessage());
    }
}
