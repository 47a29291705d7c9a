package org.minima.launcher.pipeline;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.minima.launcher.config.RunPlan;

/**
 * How long each of K shards of a plan would take on this machine: its models' calibrated training times, spread over
 * the threads one shard uses ({@code run.threads}, 0 meaning one per core).
 *
 * @param models  the grid's size
 * @param threads the threads of one shard
 * @param shards  per shard, by index
 */
public record ShardEstimate(int models, int threads, List<Part> shards) {

    /**
     * One shard's share.
     *
     * @param models  how many models it trains
     * @param cost    their estimated cost, as the assignment balances it
     * @param seconds their calibrated training time on one thread, divided by the threads
     */
    public record Part(int models, double cost, double seconds) {
    }

    /** The estimate of {@code plan} cut into {@code count} shards. */
    public static ShardEstimate of(RunPlan plan, int count, Calibration calibration) throws Exception {
        ShardAssignment assignment = ShardAssignment.of(plan, count);
        List<GridPoint> points = GridPoint.all(plan.experiment(), plan.model().orElseThrow().name());
        Map<GridPoint, Double> seconds = calibration.seconds(plan, points);
        int configured = plan.core().getInt("run.threads");
        int threads = configured == 0 ? Runtime.getRuntime().availableProcessors() : configured;
        double[] costs = assignment.costs();
        List<Part> parts = new ArrayList<>();
        for (int index = 0; index < count; index++) {
            List<GridPoint> own = assignment.points(new Shard(index, count));
            double total = own.stream().mapToDouble(seconds::get).sum();
            parts.add(new Part(own.size(), costs[index], total / Math.min(threads, Math.max(1, own.size()))));
        }
        return new ShardEstimate(points.size(), threads, List.copyOf(parts));
    }

    /** The longest shard's time. */
    public double longestSeconds() {
        return shards.stream().mapToDouble(Part::seconds).max().orElse(0);
    }

    /** The mean shard's time. */
    public double meanSeconds() {
        return shards.stream().mapToDouble(Part::seconds).average().orElse(0);
    }
}
