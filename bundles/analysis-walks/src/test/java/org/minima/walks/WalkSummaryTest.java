package org.minima.walks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.minima.api.Table;
import org.minima.testkit.TestRunContext;

class WalkSummaryTest {

    private static final List<String> WALK_COLUMNS = List.of("model", "steps", "width", "seed", "alpha",
            "l1_to_exact", "loss", "loss_torch", "board_exact", "barrier", "construction", "margin", "polish");

    /** A walk of three points, written out of order: α = 0.5, 1, 0. */
    private static void walk(Table.Builder rows, int seed, double peak, double middleExact) {
        String model = "n1-m1-s" + seed;
        rows.row(model, 1, 1, seed, 0.5, 5.0, peak, peak + 1, middleExact, 0, "F", 0, 1000);
        rows.row(model, 1, 1, seed, 1.0, 0.0, 0.5, 0.5, 1.0, 0, "F", 0, 1000);
        rows.row(model, 1, 1, seed, 0.0, 10.0, 1.0, 1.0, 0.2, 0, "F", 0, 1000);
    }

    private static Table straightWalk() {
        Table.Builder rows = Table.builder("straight_walk", WALK_COLUMNS);
        walk(rows, 1, 3.0, 0.0);
        walk(rows, 2, 0.8, 0.5);
        walk(rows, 3, 5.0, 0.1);
        return rows.build();
    }

    @Test
    void aWalksBarriersAreMeasuredFromItsEndsAndItsHighestPoint() {
        Table barriers = WalkSummary.barriers(List.of(straightWalk()), List.of("model", "steps", "width", "seed"));
        assertEquals(3, barriers.rows().size());
        assertEquals("straight_walk", barriers.text(0, "walk"));
        assertEquals(10.0, barriers.number(0, "l1_length"));
        assertEquals(1.0, barriers.number(0, "loss_trained"));
        assertEquals(0.5, barriers.number(0, "loss_end"));
        assertEquals(3.0, barriers.number(0, "loss_peak"));
        assertEquals(3.0 - 0.75, barriers.number(0, "barrier_mean"), 1e-12);
        assertEquals(2.0, barriers.number(0, "barrier_ends"), 1e-12);
        assertEquals(0.2, barriers.number(0, "error_barrier"), 1e-12, "from the trained end's 0.2 down to 0");
        assertEquals(4.0, barriers.number(0, "loss_torch_peak"));
        assertEquals(3.0, barriers.number(0, "barrier_torch_ends"), 1e-12);
        assertEquals("F", barriers.text(0, "construction"));
        // seed 2 never climbs above its higher end, and its board-exact share never falls below both ends
        assertEquals(0.0, barriers.number(1, "barrier_ends"), 1e-12);
        assertEquals(0.0, barriers.number(1, "error_barrier"), 1e-12);
        assertEquals(1.0 - 0.75, barriers.number(1, "barrier_mean"), 1e-12);
    }

    @Test
    void theSummaryGivesEachCellsMedianAndRangeOverItsSeeds(@TempDir Path folder) throws Exception {
        TestRunContext context = TestRunContext.in(folder).table(straightWalk()).build();
        new WalkSummary().run(context);
        Table summary = context.readTable(WalkSummary.SUMMARY);
        assertEquals(1, summary.rows().size());
        assertEquals(List.of("walk", "steps", "width", "walks"), summary.columns().subList(0, 4));
        assertEquals(3, summary.number(0, "walks"));
        assertEquals(3.0, summary.number(0, "loss_peak_median"));
        assertEquals(1.0, summary.number(0, "loss_peak_min"), "seed 2 never rises above its trained end");
        assertEquals(5.0, summary.number(0, "loss_peak_max"));
        assertEquals(0.1, summary.number(0, "error_barrier_median"), 1e-12);
        assertTrue(context.hasTable(WalkSummary.BARRIERS));
    }

    @Test
    void aRunWithoutWalksIsToldWhichProbeToBind(@TempDir Path folder) {
        TestRunContext context = TestRunContext.in(folder).build();
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> new WalkSummary().run(context));
        assertTrue(error.getMessage().contains("probes = straight-walk"), error.getMessage());
    }

    @Test
    void aTableWithoutPytorchsLossIsNamedWithWhatItLacks() {
        Table old = Table.builder("straight_walk", List.of("model", "alpha", "l1_to_exact", "loss", "board_exact"))
                .row("m", 0.0, 1.0, 1.0, 0.0).build();
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> WalkSummary.keyColumns(old));
        assertTrue(error.getMessage().contains("'straight_walk'") && error.getMessage().contains("loss_torch"),
                error.getMessage());
    }
}
