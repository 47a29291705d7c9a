package org.minima.pairs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.minima.api.Table;

class PairedSuccessTest {

    @Test
    void mcnemarsExactTestIsTheBinomialOfTheDiscordantPairs() {
        assertEquals(2 * Math.pow(0.5, 6), new PairedCounts(3, 0, 6, 11).mcnemarP(), 1e-15);
        assertEquals(2 * 7 / 64.0, new PairedCounts(3, 1, 5, 11).mcnemarP(), 1e-15, "2 P(X <= 1), X ~ B(6, 1/2)");
        assertEquals(1, new PairedCounts(3, 2, 2, 11).mcnemarP(), 1e-15);
        assertEquals(1, new PairedCounts(10, 0, 0, 10).mcnemarP());
    }

    @Test
    void theDifferenceIntervalHoldsTheDifferenceAndKeepsAWidthWithoutDiscordantPairs() {
        PairedCounts counts = new PairedCounts(3, 1, 9, 7);
        double[] interval = counts.differenceInterval();
        assertEquals(0.4, counts.difference(), 1e-15);
        assertTrue(interval[0] > 0 && interval[0] < 0.4 && interval[1] > 0.4 && interval[1] <= 1,
                interval[0] + ", " + interval[1]);
        double[] none = new PairedCounts(10, 0, 0, 10).differenceInterval();
        assertTrue(none[0] < 0 && none[1] > 0, "no discordant pair: an interval around 0, not a point");
    }

    private static Table evaluation() {
        return evaluation(List.of("0.38"));
    }

    /** Five seeds under two inits at each of {@code densities}, the same successes at every density. */
    private static Table evaluation(List<String> densities) {
        List<String> columns = new ArrayList<>(List.of("model"));
        columns.addAll(PairedSuccess.CELL);
        columns.addAll(List.of("seed", "success"));
        Table.Builder rows = Table.builder("evaluation", columns);
        boolean[] plain = {true, true, true, false, false};
        boolean[] flipped = {false, false, true, false, true};
        for (String density : densities) {
            for (int seed = 1; seed <= plain.length; seed++) {
                for (String init : List.of("pytorch-default", "flip1")) {
                    boolean success = init.equals("flip1") ? flipped[seed - 1] : plain[seed - 1];
                    rows.row("m" + seed + init + density, "springer-kenyon", "B3/S23", "moore", "dead", density, 1,
                            1, init, "8x8", seed, success ? 1.0 : 0.0);
                }
            }
        }
        // a seed trained under one init only has no pair
        rows.row("m6", "springer-kenyon", "B3/S23", "moore", "dead", "0.38", 1, 1, "pytorch-default", "8x8", 6, 1.0);
        return rows.build();
    }

    @Test
    void theSameSeedsArePairedAcrossTheAxisWithTheFirstValueAsReference() {
        Table pairs = PairedSuccess.pairs(evaluation(), List.of("init"));
        assertEquals(1, pairs.rows().size());
        assertEquals("pytorch-default", pairs.text(0, "reference"));
        assertEquals("flip1", pairs.text(0, "other"));
        assertEquals(5, pairs.number(0, "pairs"), "seed 6 has no flipped twin");
        assertEquals(1, pairs.number(0, "both"));
        assertEquals(2, pairs.number(0, "reference_only"));
        assertEquals(1, pairs.number(0, "other_only"));
        assertEquals(1, pairs.number(0, "neither"));
        assertEquals(0.6, pairs.number(0, "success_reference"), 1e-15);
        assertEquals(0.4, pairs.number(0, "success_other"), 1e-15);
        assertEquals(-0.2, pairs.number(0, "difference"), 1e-15);
        assertEquals(1, pairs.number(0, "mcnemar_p"), 1e-15, "2 P(X <= 1), X ~ B(3, 1/2) = 1");
    }

    @Test
    void anAxisWithOneValueIsRefusedNamingTheOption() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> PairedSuccess.pairs(evaluation(), List.of("init", "density")));
        assertTrue(error.getMessage().contains("paired-success.axis"), error.getMessage());
    }

    @Test
    void eachNamedAxisHasItsRowsWithItsOwnColumnLeftEmpty() {
        Table pairs = PairedSuccess.pairs(evaluation(List.of("0.38", "0.0..1.0")), List.of("init", "density"));
        assertEquals(4, pairs.rows().size(), "init at two densities, density under two inits");
        for (int r = 0; r < 2; r++) {
            assertEquals("init", pairs.text(r, "axis"));
            assertEquals("", pairs.text(r, "init"));
            assertEquals(-0.2, pairs.number(r, "difference"), 1e-15);
        }
        assertEquals(List.of("0.38", "0.0..1.0"), List.of(pairs.text(0, "density"), pairs.text(1, "density")));
        for (int r = 2; r < 4; r++) {
            assertEquals("density", pairs.text(r, "axis"));
            assertEquals("", pairs.text(r, "density"));
            assertEquals("0.38", pairs.text(r, "reference"));
            assertEquals("0.0..1.0", pairs.text(r, "other"));
            assertEquals(0, pairs.number(r, "reference_only") + pairs.number(r, "other_only"),
                    "the same seeds succeed at both densities");
        }
    }
}
