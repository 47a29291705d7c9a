package org.minima.launcher.pipeline;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;

import org.minima.api.model.Model;
import org.minima.api.model.ParameterLayout;
import org.minima.api.run.Experiment;
import org.minima.launcher.config.RunPlan;

/**
 * Which shard trains, evaluates and probes each model of the grid: the models are dealt out largest estimated cost
 * first, each to the shard with the least cost so far (longest-processing-time scheduling), ties broken by grid
 * order, so the assignment is a pure function of the plan and the count, the same in every process. The cost of a
 * model is what its training does: batches × batch size × board cells × (parameters + a per-layer overhead for the
 * element-wise work), so wide and deep networks spread over the shards instead of landing in one.
 */
public final class ShardAssignment {

    /** Element-wise work per cell and layer (activations, bias, loss) in units of one weight's multiply-add. */
    static final double LAYER_OVERHEAD = 8;

    private final List<GridPoint> points;
    private final Map<GridPoint, Integer> shards;
    private final double[] costs;

    private ShardAssignment(List<GridPoint> points, Map<GridPoint, Integer> shards, double[] costs) {
        this.points = points;
        this.shards = shards;
        this.costs = costs;
    }

    /** The assignment of {@code plan}'s grid to {@code count} shards. */
    public static ShardAssignment of(RunPlan plan, int count) {
        Experiment experiment = plan.experiment();
        Model model = plan.model().orElseThrow().service();
        List<GridPoint> points = GridPoint.all(experiment, plan.model().orElseThrow().name());
        Map<Long, Double> costBySize = new HashMap<>();
        List<Double> costs = new ArrayList<>();
        for (GridPoint point : points) {
            costs.add(costBySize.computeIfAbsent((long) point.steps() << 32 | point.width(),
                    size -> cost(experiment, model.layout(point.modelSpec(experiment)))));
        }
        return assign(points, costs, count);
    }

    /** A model's estimated training cost, in weight multiply-adds. */
    static double cost(Experiment experiment, ParameterLayout layout) {
        double cells = (double) experiment.trainShape().height() * experiment.trainShape().width();
        return (double) experiment.training().batches() * experiment.training().batchSize() * cells
                * (layout.size() + LAYER_OVERHEAD * layout.layers().size());
    }

    static ShardAssignment assign(List<GridPoint> points, List<Double> costs, int count) {
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < points.size(); i++) {
            order.add(i);
        }
        order.sort(Comparator.comparingDouble((Integer i) -> -costs.get(i)).thenComparingInt(i -> i));
        double[] load = new double[count];
        PriorityQueue<Integer> lightest = new PriorityQueue<>(Comparator.comparingDouble((Integer s) -> load[s])
                .thenComparingInt(s -> s));
        for (int shard = 0; shard < count; shard++) {
            lightest.add(shard);
        }
        Map<GridPoint, Integer> shards = new HashMap<>();
        for (int i : order) {
            int shard = lightest.poll();
            shards.put(points.get(i), shard);
            load[shard] += costs.get(i);
            lightest.add(shard);
        }
        return new ShardAssignment(List.copyOf(points), shards, load);
    }

    /** The models of {@code shard}, in grid order. */
    public List<GridPoint> points(Shard shard) {
        requireCount(shard);
        return points.stream().filter(p -> shards.get(p) == shard.index()).toList();
    }

    /** The shard of {@code point}. */
    Shard shardOf(GridPoint point) {
        return new Shard(shards.get(point), costs.length);
    }

    /** Every shard's estimated cost, by index. */
    double[] costs() {
        return costs.clone();
    }

    private void requireCount(Shard shard) {
        if (shard.count() != costs.length) {
            throw new IllegalArgumentException("shard " + shard + " of an assignment to " + costs.length);
        }
    }
}
