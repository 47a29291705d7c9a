package org.minima.walk;

import java.util.ArrayList;
import java.util.List;

import org.minima.api.model.Activation;
import org.minima.api.model.LayerParams;
import org.minima.api.model.ParameterLayout;
import org.minima.api.model.ParameterVector;

/**
 * Moves a network along the symmetries that leave its function unchanged — permutations of hidden channels and
 * positive rescalings of ReLU and LeakyReLU units (a channel's incoming weights and bias ×α, the next layer's weights
 * from it ×1/α) — to a copy close to a target, in two passes. First the channels are matched: both networks are put
 * in a canonical scale (every hidden unit's incoming weights and bias of norm within a factor √2 of 1), and each
 * layer's channels are assigned to the target's by their incoming weights (an assignment problem per layer, from the
 * input). Then, with the channels in place, each unit's scale is chosen by coordinate descent on the squared distance
 * to the target, over its incoming and outgoing weights, starting once from the target's own scales and once from
 * the network's; the closer result is kept. Every scale is a power of two, so the copy computes bit for
 * bit what the network did in float32: an exact solution stays exact. The head is never moved. When the copy is no
 * closer to the target (in squared distance) than the network itself, the network is returned unmoved. Greedy per
 * layer: a close copy, not a proven closest.
 */
final class Alignment {

    /** Powers of two a unit's scale is chosen from: 2^-{@value} .. 2^{@value}. */
    private static final int SCALE_RANGE = 20;
    private static final int SWEEPS = 3;

    private Alignment() {
    }

    /** The copy of {@code network} (laid out by {@code layout}) on its symmetry orbit close to {@code target}. */
    static ParameterVector align(ParameterLayout layout, ParameterVector network, ParameterVector target) {
        float[] goal = target.toArray();
        float[] permuted = network.toArray();
        float[] canonical = permuted.clone();
        float[] goalCanonical = goal.clone();
        canonical(layout, canonical);
        List<double[]> goalScales = canonical(layout, goalCanonical);
        for (int index = 0; index < layout.layers().size() - 1; index++) {
            LayerParams layer = layout.layers().get(index);
            LayerParams next = layout.layers().get(index + 1);
            int[] source = match(canonical, goalCanonical, layer);
            permute(canonical, layer, next, source);
            permute(permuted, layer, next, source);
        }
        // two starting scales for the descent: the target's own, and the network's
        uncanonical(layout, canonical, goalScales);
        ParameterVector best = network;
        for (float[] start : List.of(canonical, permuted)) {
            descend(layout, start, goal);
            ParameterVector copy = ParameterVector.of(start);
            if (copy.l2Distance(target) < best.l2Distance(target)) {
                best = copy;
            }
        }
        return best;
    }

    /** Coordinate descent on each unit's power-of-two scale, towards {@code goal}; never moves further from it. */
    private static void descend(ParameterLayout layout, float[] values, float[] goal) {
        for (int sweep = 0; sweep < SWEEPS; sweep++) {
            for (int index = 0; index < layout.layers().size() - 1; index++) {
                LayerParams layer = layout.layers().get(index);
                LayerParams next = layout.layers().get(index + 1);
                if (homogeneous(layer)) {
                    for (int o = 0; o < layer.out(); o++) {
                        rescale(values, layer, next, o, bestScale(values, goal, layer, next, o));
                    }
                }
            }
        }
    }

    /** Undoes {@link #canonical} with {@code scales}, in reverse order, so a canonical network gets those scales. */
    private static void uncanonical(ParameterLayout layout, float[] values, List<double[]> scales) {
        for (int index = layout.layers().size() - 2; index >= 0; index--) {
            double[] scale = scales.get(index);
            for (int o = 0; o < scale.length; o++) {
                rescale(values, layout.layers().get(index), layout.layers().get(index + 1), o, 1 / scale[o]);
            }
        }
    }

    /**
     * Rescales every hidden ReLU or LeakyReLU unit of {@code values}, in forward order, by the power of two that
     * brings the norm of its incoming weights and bias nearest 1; returns each layer's scales (1 where a layer is not
     * rescaled and for zero channels).
     */
    private static List<double[]> canonical(ParameterLayout layout, float[] values) {
        List<double[]> scales = new ArrayList<>();
        for (int index = 0; index < layout.layers().size() - 1; index++) {
            LayerParams layer = layout.layers().get(index);
            double[] scale = new double[layer.out()];
            for (int o = 0; o < layer.out(); o++) {
                double[] in = incoming(values, layer, o);
                double norm = Math.sqrt(dot(in, in));
                scale[o] = homogeneous(layer) && norm > 0
                        ? Math.pow(2, -Math.round(Math.log(norm) / Math.log(2))) : 1;
                rescale(values, layer, layout.layers().get(index + 1), o, scale[o]);
            }
            scales.add(scale);
        }
        return scales;
    }

    private static boolean homogeneous(LayerParams layer) {
        return layer.activation() == Activation.RELU || layer.activation() == Activation.LEAKY_RELU;
    }

    /** For each output channel of {@code layer}, the channel of {@code moved} whose incoming weights match goal's. */
    private static int[] match(float[] moved, float[] goal, LayerParams layer) {
        int channels = layer.out();
        double[][] cost = new double[channels][channels];
        for (int to = 0; to < channels; to++) {
            double[] wanted = incoming(goal, layer, to);
            for (int from = 0; from < channels; from++) {
                cost[to][from] = squaredDistance(incoming(moved, layer, from), wanted);
            }
        }
        return Assignment.minimise(cost);
    }

    /** Moves output channel {@code source[to]} of {@code layer} (and {@code next}'s input) to channel {@code to}. */
    private static void permute(float[] moved, LayerParams layer, LayerParams next, int[] source) {
        int channels = layer.out();
        float[] before = moved.clone();
        int fan = layer.fanIn();
        for (int channel = 0; channel < channels; channel++) {
            int to = channel;
            int from = source[to];
            System.arraycopy(before, layer.weightOffset() + from * fan, moved, layer.weightOffset() + to * fan, fan);
            moved[layer.biasIndex(to)] = before[layer.biasIndex(from)];
            forEachOutgoing(next, (o, r, c) -> moved[next.weightIndex(o, to, r, c)]
                    = before[next.weightIndex(o, from, r, c)]);
        }
    }

    /**
     * The power of two α minimising ‖α·in − in_goal‖² + ‖out/α − out_goal‖² for channel {@code o}, where in are its
     * incoming weights and bias and out the next layer's weights from it; 1 when nothing is better.
     */
    private static double bestScale(float[] moved, float[] goal, LayerParams layer, LayerParams next, int o) {
        double[] in = incoming(moved, layer, o);
        double[] wantedIn = incoming(goal, layer, o);
        double[] out = outgoing(moved, next, o);
        double[] wantedOut = outgoing(goal, next, o);
        double inNorm = dot(in, in);
        double inDot = dot(in, wantedIn);
        double outNorm = dot(out, out);
        double outDot = dot(out, wantedOut);
        double best = 1;
        double bestCost = inNorm - 2 * inDot + outNorm - 2 * outDot;
        for (int k = -SCALE_RANGE; k <= SCALE_RANGE; k++) {
            double alpha = Math.pow(2, k);
            double cost = alpha * alpha * inNorm - 2 * alpha * inDot + outNorm / (alpha * alpha) - 2 * outDot / alpha;
            if (cost < bestCost) {
                best = alpha;
                bestCost = cost;
            }
        }
        return best;
    }

    /** Channel {@code o}'s incoming weights and bias ×α, the next layer's weights from it ×1/α. */
    private static void rescale(float[] values, LayerParams layer, LayerParams next, int o, double alpha) {
        if (alpha == 1) {
            return;
        }
        int fan = layer.fanIn();
        for (int k = 0; k < fan; k++) {
            values[layer.weightOffset() + o * fan + k] *= (float) alpha;
        }
        values[layer.biasIndex(o)] *= (float) alpha;
        forEachOutgoing(next, (out, r, c) -> values[next.weightIndex(out, o, r, c)] /= (float) alpha);
    }

    /** A position in a layer's weights: output channel, kernel row, kernel column. */
    @FunctionalInterface
    private interface WeightVisitor {
        void visit(int out, int row, int column);
    }

    private static void forEachOutgoing(LayerParams next, WeightVisitor visitor) {
        for (int o = 0; o < next.out(); o++) {
            for (int r = 0; r < next.kernelHeight(); r++) {
                for (int c = 0; c < next.kernelWidth(); c++) {
                    visitor.visit(o, r, c);
                }
            }
        }
    }

    /** The weights of {@code next} from its input channel {@code i}. */
    private static double[] outgoing(float[] values, LayerParams next, int i) {
        double[] out = new double[next.out() * next.kernelHeight() * next.kernelWidth()];
        int k = 0;
        for (int o = 0; o < next.out(); o++) {
            for (int r = 0; r < next.kernelHeight(); r++) {
                for (int c = 0; c < next.kernelWidth(); c++) {
                    out[k++] = values[next.weightIndex(o, i, r, c)];
                }
            }
        }
        return out;
    }

    /** Channel {@code o}'s incoming weights and bias. */
    private static double[] incoming(float[] values, LayerParams layer, int o) {
        int fan = layer.fanIn();
        double[] out = new double[fan + 1];
        for (int k = 0; k < fan; k++) {
            out[k] = values[layer.weightOffset() + o * fan + k];
        }
        out[fan] = values[layer.biasIndex(o)];
        return out;
    }

    private static double dot(double[] a, double[] b) {
        double sum = 0;
        for (int k = 0; k < a.length; k++) {
            sum += a[k] * b[k];
        }
        return sum;
    }

    private static double squaredDistance(double[] a, double[] b) {
        double sum = 0;
        for (int k = 0; k < a.length; k++) {
            double d = a[k] - b[k];
            sum += d * d;
        }
        return sum;
    }
}
