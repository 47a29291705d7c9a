package org.minima.launcher.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.minima.api.run.Experiment;
import org.minima.arch.FirnerModel;
import org.minima.launcher.config.InputError;
import org.minima.testkit.Experiments;

/** Shards of Firner's full grid: every model in exactly one, the same in every process, balanced by cost. */
class ShardAssignmentTest {

    private static final Experiment FIRNER = Experiments.firner(List.of(1, 2, 3, 5, 10, 20),
            List.of(1, 5, 10, 20, 30, 40, 50, 75, 100, 125, 150));

    private static ShardAssignment firner(int count) {
        List<GridPoint> points = GridPoint.all(FIRNER, "firner");
        FirnerModel model = new FirnerModel();
        List<Double> costs = new ArrayList<>();
        for (GridPoint point : points) {
            costs.add(ShardAssignment.cost(FIRNER, model.layout(FIRNER.modelSpec(point.steps(), point.width()))));
        }
        return ShardAssignment.assign(points, costs, count);
    }

    @Test
    void theCostliestOfTwentyShardsOfFirnersGridIsWithinOneAndAHalfTimesTheMean() {
        double[] costs = firner(20).costs();
        double mean = Arrays.stream(costs).average().orElseThrow();
        double max = Arrays.stream(costs).max().orElseThrow();
        assertTrue(max <= 1.5 * mean, "max " + max + " vs mean " + mean);
        assertTrue(max <= 1.01 * mean, "longest-processing-time scheduling of 1320 models is much tighter: "
                + max / mean);
    }

    @Test
    void everyModelIsInExactlyOneShardAndTheAssignmentIsTheSameEveryTime() {
        ShardAssignment first = firner(7);
        ShardAssignment second = firner(7);
        Set<GridPoint> seen = new HashSet<>();
        for (int index = 0; index < 7; index++) {
            List<GridPoint> points = first.points(new Shard(index, 7));
            assertEquals(points, second.points(new Shard(index, 7)), "shard " + index);
            for (GridPoint point : points) {
                assertTrue(seen.add(point), point + " in two shards");
                assertEquals(index, first.shardOf(point).index());
            }
        }
        assertEquals(6 * 11 * 20, seen.size());
    }

    @Test
    void theWidestNetworksAreSpreadOverTheShards() {
        ShardAssignment assignment = firner(20);
        Set<Integer> shards = new HashSet<>();
        for (GridPoint point : GridPoint.all(FIRNER, "firner")) {
            if (point.steps() == 20 && point.width() == 150) {
                shards.add(assignment.shardOf(point).index());
            }
        }
        assertEquals(20, shards.size(), "the 20 seeds of the costliest size land in 20 different shards");
    }

    @Test
    void theIndexComesFromTheArgumentOrTheScheduler() {
        assertEquals(new Shard(2, 5), Shard.parse("2/5", Map.of()));
        assertEquals(new Shard(2, 3), Shard.parse("auto/3", Map.of("SLURM_ARRAY_TASK_ID", "2",
                "SLURM_ARRAY_TASK_MIN", "2")));
        assertEquals(new Shard(0, 3), Shard.parse("auto/3", Map.of("JOB_COMPLETION_INDEX", "0")));
        assertTrue(assertThrows(InputError.class, () -> Shard.parse("auto/3", Map.of())).getMessage()
                .contains("SLURM_ARRAY_TASK_ID"));
        assertTrue(assertThrows(InputError.class, () -> Shard.parse("3/3", Map.of())).getMessage()
                .contains("0 .. 2"));
        assertTrue(assertThrows(InputError.class, () -> Shard.parse("x", Map.of())).getMessage()
                .contains("expected I/K"));
    }
}
