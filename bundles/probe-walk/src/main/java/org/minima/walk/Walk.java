package org.minima.walk;

import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleFunction;

import org.minima.api.model.Network;
import org.minima.api.model.ParameterVector;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The loss along one path from θ(0) to θ(1) = θ_end at α = k/points for k = 0..points, and the barrier on it: a
 * straight line θ(α) = (1 − α)·θ_start + α·θ_end, or any other path.
 *
 * @param points the measured points, from α = 0 to α = 1
 */
record Walk(List<Point> points) {

    private static final Logger LOG = LoggerFactory.getLogger(Walk.class);

    /**
     * One point of the walk.
     *
     * @param alpha      the step along the line, from 0 (start) to 1 (end)
     * @param l1ToEnd    Σ|θ(α) − θ_end|
     * @param loss       the loss at θ(α) on the evaluation set
     * @param lossTorch  the same loss as PyTorch's {@code BCELoss} computes it ({@link TorchLoss})
     * @param boardExact the share of the evaluation set whose every cell θ(α) gets right
     */
    record Point(double alpha, double l1ToEnd, double loss, double lossTorch, double boardExact) {
    }

    Walk {
        points = List.copyOf(points);
        if (points.size() < 2) {
            throw new IllegalArgumentException("a walk needs both ends, not " + points.size() + " points");
        }
    }

    /**
     * Walks from {@code start} to {@code end} in {@code segments} equal steps, scoring each point with
     * {@code network} (whose parameters it replaces) on {@code boards}.
     *
     * @param label names the walk in the debug log
     */
    static Walk between(ParameterVector start, ParameterVector end, int segments, Network network,
                        EvaluationSet boards, String label) {
        return along(alpha -> start.interpolate(end, alpha), end, segments, network, boards, label);
    }

    /** Walks along {@code path}, which ends at {@code end}, as {@link #between} walks a straight line. */
    static Walk along(DoubleFunction<ParameterVector> path, ParameterVector end, int segments, Network network,
                      EvaluationSet boards, String label) {
        List<Point> points = new ArrayList<>(segments + 1);
        for (int k = 0; k <= segments; k++) {
            double alpha = (double) k / segments;
            ParameterVector theta = path.apply(alpha);
            network.setParameters(theta);
            EvaluationSet.Measures measures = boards.measure(network);
            Point point = new Point(alpha, theta.l1Distance(end), measures.loss(), measures.lossTorch(),
                    measures.boardExact());
            LOG.debug("{}: alpha {}, L1 to the end {}, loss {}", label, alpha, point.l1ToEnd(), point.loss());
            points.add(point);
        }
        return new Walk(points);
    }

    /**
     * The row of {@code point} in a walk table: the values of {@link WalkProbe#COLUMNS} up to {@code barrier}, then
     * {@code after}, the columns a probe adds behind them.
     */
    Object[] row(Point point, Object... after) {
        Object[] row = new Object[6 + after.length];
        row[0] = point.alpha();
        row[1] = point.l1ToEnd();
        row[2] = point.loss();
        row[3] = point.lossTorch();
        row[4] = point.boardExact();
        row[5] = barrier();
        System.arraycopy(after, 0, row, 6, after.length);
        return row;
    }

    /**
     * The highest loss on the path minus the mean of the losses at its two ends (REFERENCE.md section 6); NaN when
     * any loss is. It is never below half the difference of the end losses, which a path without a bump gives.
     */
    double barrier() {
        double highest = Double.NEGATIVE_INFINITY;
        for (Point point : points) {
            highest = Math.max(highest, point.loss());
        }
        return highest - (points.get(0).loss() + points.get(points.size() - 1).loss()) / 2;
    }
}
