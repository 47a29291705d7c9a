package org.minima.train;

import java.util.Arrays;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * The plane engine's arithmetic on planes of cells, in the Java Vector API: eight float lanes everywhere, whatever the
 * CPU offers, so that sums are taken in the same order, and results are the same, on every machine. Sums over a
 * layer's inputs run in their order; a dot product keeps one partial sum per lane and adds the lanes at the end.
 * Only operations that IEEE 754 rounds exactly (add, multiply, fused multiply-add, compare, max) are vectorised: the
 * Vector API's transcendental functions give other values compiled than interpreted, and a model's numbers must not
 * depend on when the JIT compiler reached its kernels.
 */
final class PlaneKernels {

    private static final VectorSpecies<Float> LANES = FloatVector.SPECIES_256;
    private static final int STEP = LANES.length();

    private PlaneKernels() {
    }

    /** What a layer does to its sums: nothing (the head), ReLU, or LeakyReLU with values below a threshold flushed. */
    record Nonlinearity(boolean rectified, float slope, float flushBelow) {

        static final Nonlinearity LINEAR = new Nonlinearity(false, 1f, 0f);

        static Nonlinearity relu() {
            return new Nonlinearity(true, 0f, 0f);
        }

        static Nonlinearity leaky(float slope, float flushBelow) {
            return new Nonlinearity(true, slope, flushBelow);
        }

        float apply(float sum) {
            if (!rectified) {
                return sum;
            }
            float out = slope == 0f ? Math.max(sum, 0f) : Math.max(sum, sum * slope);
            return Math.abs(out) < flushBelow ? 0f : out;
        }
    }

    private static FloatVector flushed(FloatVector values, float below) {
        return values.blend(0f, values.abs().lt(below));
    }

    /**
     * out[o] = f(b[o] + Σ_i w[o·inputs + i]·in[i]) on the first {@code cells} cells, then f over each output plane;
     * {@code bias} null adds nothing. Two outputs and four inputs per sweep over the cells, their eight weights held
     * in registers: six planes read and two written for eight products, so the sweep is bound by arithmetic rather
     * than by loads. The sum over inputs runs in their order.
     */
    static void combine(float[][] in, int inputs, float[] w, float[] bias, float[][] out, int outputs, int cells,
                        Nonlinearity f) {
        for (int o = 0; o < outputs; o += 2) {
            boolean pair = o + 1 < outputs;
            float[] b = out[pair ? o + 1 : o];
            int rowA = o * inputs;
            int rowB = pair ? rowA + inputs : rowA;
            Arrays.fill(out[o], 0, cells, bias == null ? 0f : bias[o]);
            Arrays.fill(b, 0, cells, bias == null ? 0f : bias[pair ? o + 1 : o]);
            int i = 0;
            for (; i + 3 < inputs; i += 4) {
                sweepFour(in, i, w, rowA, rowB, out[o], b, cells);
            }
            for (; i < inputs; i++) {
                sweepOne(in[i], w[rowA + i], w[rowB + i], out[o], b, cells);
            }
        }
        if (f.rectified()) {
            for (int plane = 0; plane < outputs; plane++) {
                rectify(out[plane], cells, f);
            }
        }
    }

    /** a += Σ_{j<4} w[rowA + i + j]·in[i + j], and b likewise with row rowB (for an odd output, b is a). */
    private static void sweepFour(float[][] in, int i, float[] w, int rowA, int rowB, float[] a, float[] b,
                                  int cells) {
        float[] x0 = in[i];
        float[] x1 = in[i + 1];
        float[] x2 = in[i + 2];
        float[] x3 = in[i + 3];
        FloatVector a0 = FloatVector.broadcast(LANES, w[rowA + i]);
        FloatVector a1 = FloatVector.broadcast(LANES, w[rowA + i + 1]);
        FloatVector a2 = FloatVector.broadcast(LANES, w[rowA + i + 2]);
        FloatVector a3 = FloatVector.broadcast(LANES, w[rowA + i + 3]);
        FloatVector b0 = FloatVector.broadcast(LANES, w[rowB + i]);
        FloatVector b1 = FloatVector.broadcast(LANES, w[rowB + i + 1]);
        FloatVector b2 = FloatVector.broadcast(LANES, w[rowB + i + 2]);
        FloatVector b3 = FloatVector.broadcast(LANES, w[rowB + i + 3]);
        int p = 0;
        for (int bound = LANES.loopBound(cells); p < bound; p += STEP) {
            FloatVector sa = FloatVector.fromArray(LANES, a, p);
            FloatVector sb = FloatVector.fromArray(LANES, b, p);
            FloatVector v0 = FloatVector.fromArray(LANES, x0, p);
            FloatVector v1 = FloatVector.fromArray(LANES, x1, p);
            FloatVector v2 = FloatVector.fromArray(LANES, x2, p);
            FloatVector v3 = FloatVector.fromArray(LANES, x3, p);
            v3.fma(a3, v2.fma(a2, v1.fma(a1, v0.fma(a0, sa)))).intoArray(a, p);
            v3.fma(b3, v2.fma(b2, v1.fma(b1, v0.fma(b0, sb)))).intoArray(b, p);
        }
        for (; p < cells; p++) {
            float sa = a[p];
            float sb = b[p];
            for (int j = 0; j < 4; j++) {
                sa = Math.fma(in[i + j][p], w[rowA + i + j], sa);
                sb = Math.fma(in[i + j][p], w[rowB + i + j], sb);
            }
            a[p] = sa;
            b[p] = sb;
        }
    }

    /** a += wa·x and b += wb·x (both read before either is written, so b may be a). */
    private static void sweepOne(float[] x, float wa, float wb, float[] a, float[] b, int cells) {
        FloatVector va = FloatVector.broadcast(LANES, wa);
        FloatVector vb = FloatVector.broadcast(LANES, wb);
        int p = 0;
        for (int bound = LANES.loopBound(cells); p < bound; p += STEP) {
            FloatVector sa = FloatVector.fromArray(LANES, a, p);
            FloatVector sb = FloatVector.fromArray(LANES, b, p);
            FloatVector v = FloatVector.fromArray(LANES, x, p);
            v.fma(va, sa).intoArray(a, p);
            v.fma(vb, sb).intoArray(b, p);
        }
        for (; p < cells; p++) {
            float sa = Math.fma(x[p], wa, a[p]);
            float sb = Math.fma(x[p], wb, b[p]);
            a[p] = sa;
            b[p] = sb;
        }
    }

    /** The rectifier of {@code f} on the first {@code cells} cells of {@code plane}, in place. */
    private static void rectify(float[] plane, int cells, Nonlinearity f) {
        int p = 0;
        for (int bound = LANES.loopBound(cells); p < bound; p += STEP) {
            FloatVector sum = FloatVector.fromArray(LANES, plane, p);
            FloatVector out = f.slope() == 0f ? sum.max(0f) : sum.max(sum.mul(f.slope()));
            (f.flushBelow() == 0f ? out : flushed(out, f.flushBelow())).intoArray(plane, p);
        }
        for (; p < cells; p++) {
            plane[p] = f.apply(plane[p]);
        }
    }

    /**
     * grad[o·inputs + i] += Σ_p g[o][p]·x[i][p] and, unless {@code biasGrad} is null, biasGrad[o] += Σ_p g[o][p],
     * over the first {@code cells} cells: the parameter gradients of a layer whose sums' gradients are {@code g} and
     * whose operand is {@code x}.
     */
    static void accumulateGradients(float[][] g, int outputs, float[][] x, int inputs, int cells, float[] grad,
                                    int gradOffset, float[] biasGrad, int biasOffset) {
        for (int o = 0; o < outputs; o += 2) {
            boolean pair = o + 1 < outputs;
            float[] ga = g[o];
            float[] gb = g[pair ? o + 1 : o];
            int rowA = gradOffset + o * inputs;
            int i = 0;
            for (; i + 3 < inputs; i += 4) {
                dotsFour(ga, gb, x, i, cells, grad, rowA + i, pair ? rowA + inputs + i : -1);
            }
            for (; i < inputs; i++) {
                grad[rowA + i] += dot(ga, x[i], cells);
                if (pair) {
                    grad[rowA + inputs + i] += dot(gb, x[i], cells);
                }
            }
            if (biasGrad != null) {
                biasGrad[biasOffset + o] += sum(ga, cells);
                if (pair) {
                    biasGrad[biasOffset + o + 1] += sum(gb, cells);
                }
            }
        }
    }

    /**
     * into[atA + j] += Σ_p ga[p]·x[i + j][p] and, unless {@code atB} is negative,
     * into[atB + j] += Σ_p gb[p]·x[i + j][p], for j < 4: eight partial sums held in registers, six planes read for eight products.
     */
    private static void dotsFour(float[] ga, float[] gb, float[][] x, int i, int cells, float[] into, int atA,
                                 int atB) {
        float[] x0 = x[i];
        float[] x1 = x[i + 1];
        float[] x2 = x[i + 2];
        float[] x3 = x[i + 3];
        FloatVector a0 = FloatVector.zero(LANES);
        FloatVector a1 = a0;
        FloatVector a2 = a0;
        FloatVector a3 = a0;
        FloatVector b0 = a0;
        FloatVector b1 = a0;
        FloatVector b2 = a0;
        FloatVector b3 = a0;
        int p = 0;
        for (int bound = LANES.loopBound(cells); p < bound; p += STEP) {
            FloatVector va = FloatVector.fromArray(LANES, ga, p);
            FloatVector vb = FloatVector.fromArray(LANES, gb, p);
            FloatVector v0 = FloatVector.fromArray(LANES, x0, p);
            FloatVector v1 = FloatVector.fromArray(LANES, x1, p);
            FloatVector v2 = FloatVector.fromArray(LANES, x2, p);
            FloatVector v3 = FloatVector.fromArray(LANES, x3, p);
            a0 = va.fma(v0, a0);
            a1 = va.fma(v1, a1);
            a2 = va.fma(v2, a2);
            a3 = va.fma(v3, a3);
            b0 = vb.fma(v0, b0);
            b1 = vb.fma(v1, b1);
            b2 = vb.fma(v2, b2);
            b3 = vb.fma(v3, b3);
        }
        float[] sums = {lanes(a0), lanes(a1), lanes(a2), lanes(a3), lanes(b0), lanes(b1), lanes(b2), lanes(b3)};
        for (; p < cells; p++) {
            for (int j = 0; j < 4; j++) {
                sums[j] = Math.fma(ga[p], x[i + j][p], sums[j]);
                sums[4 + j] = Math.fma(gb[p], x[i + j][p], sums[4 + j]);
            }
        }
        for (int j = 0; j < 4; j++) {
            into[atA + j] += sums[j];
            if (atB >= 0) {
                into[atB + j] += sums[4 + j];
            }
        }
    }

    /**
     * The sum of a vector's lanes, first to last. Not {@code reduceLanes(ADD)}: its compiled form adds in another
     * order than its interpreted one, so a model's numbers would depend on when the JIT compiler got to it.
     */
    private static float lanes(FloatVector v) {
        float[] values = v.toArray();
        float sum = 0f;
        for (float value : values) {
            sum += value;
        }
        return sum;
    }

    private static float dot(float[] g, float[] x, int cells) {
        FloatVector s = FloatVector.zero(LANES);
        int p = 0;
        for (int bound = LANES.loopBound(cells); p < bound; p += STEP) {
            s = FloatVector.fromArray(LANES, g, p).fma(FloatVector.fromArray(LANES, x, p), s);
        }
        float t = lanes(s);
        for (; p < cells; p++) {
            t = Math.fma(g[p], x[p], t);
        }
        return t;
    }

    private static float sum(float[] g, int cells) {
        FloatVector s = FloatVector.zero(LANES);
        int p = 0;
        for (int bound = LANES.loopBound(cells); p < bound; p += STEP) {
            s = s.add(FloatVector.fromArray(LANES, g, p));
        }
        float t = lanes(s);
        for (; p < cells; p++) {
            t += g[p];
        }
        return t;
    }

    /**
     * Turns the gradient of a rectified layer's output into the gradient of its sums, in place: times 1 where the
     * output is positive and the slope elsewhere, then, for a flushing layer, values below its threshold set to zero.
     */
    static void rectifierGradient(float[] grad, float[] output, int cells, Nonlinearity f) {
        int p = 0;
        for (int bound = LANES.loopBound(cells); p < bound; p += STEP) {
            FloatVector g = FloatVector.fromArray(LANES, grad, p);
            VectorMask<Float> positive = FloatVector.fromArray(LANES, output, p).compare(VectorOperators.GT, 0f);
            g = f.slope == 0f ? g.blend(0f, positive.not()) : g.mul(f.slope).blend(g, positive);
            (f.flushBelow == 0f ? g : flushed(g, f.flushBelow)).intoArray(grad, p);
        }
        for (; p < cells; p++) {
            float g = output[p] > 0f ? grad[p] : grad[p] * f.slope;
            grad[p] = Math.abs(g) < f.flushBelow ? 0f : g;
        }
    }

    /**
     * The head's gradient dLoss/dLogit = (σ(z) − y)·scale at interior cells (where {@code interior} is 1), 0 on the
     * border (where it is 0): the binary cross-entropy's mean over {@code 1/scale} cells. The sigmoid is taken with
     * {@code Math.exp}, whose value HotSpot keeps the same interpreted and compiled; the Vector API's EXP is not.
     */
    static void headGradient(float[] logits, float[] targets, float[] interior, float scale, float[] grad, int cells) {
        for (int p = 0; p < cells; p++) {
            if (interior[p] == 0f) {
                grad[p] = 0f;
            } else {
                float sigmoid = (float) (1 / (1 + Math.exp(-logits[p])));
                grad[p] = (sigmoid - targets[p]) * scale;
            }
        }
    }

    /** plane[p] *= factor for cells {@code from .. to}. */
    static void scale(float[] plane, int from, int to, float factor) {
        for (int p = from; p < to; p++) {
            plane[p] *= factor;
        }
    }
}
