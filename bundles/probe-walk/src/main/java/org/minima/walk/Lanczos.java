package org.minima.walk;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.UnaryOperator;

import org.apache.commons.math3.linear.EigenDecomposition;

/**
 * The extreme eigenvalues of a symmetric operator known only through its products with vectors, by the Lanczos
 * method with full reorthogonalisation: k products build a k×k tridiagonal matrix whose extreme eigenvalues (Commons
 * Math) converge to the operator's from inside, the extreme ones first. For Hessians too large to build
 * ({@link Curvature}).
 *
 * @param smallest   the smallest Ritz value: an upper bound on the smallest eigenvalue
 * @param largest    the largest Ritz value: a lower bound on the largest eigenvalue
 * @param iterations the products used (fewer than asked when an invariant subspace was found)
 */
record Lanczos(double smallest, double largest, int iterations) {

    /** A remaining vector this short, relative to the last product, means the subspace is invariant: stop. */
    private static final double BREAKDOWN = 1e-10;

    /**
     * Runs at most {@code steps} products of {@code operator} on vectors of {@code size}, from a random start drawn
     * from {@code seed}.
     */
    static Lanczos of(int size, UnaryOperator<double[]> operator, int steps, long seed) {
        List<double[]> basis = new ArrayList<>();
        List<Double> diagonal = new ArrayList<>();
        List<Double> offDiagonal = new ArrayList<>();
        double[] v = unit(random(size, seed));
        for (int k = 0; k < Math.min(steps, size); k++) {
            basis.add(v);
            double[] w = operator.apply(v);
            double alpha = dot(w, v);
            diagonal.add(alpha);
            for (double[] q : basis) {
                subtract(w, q, dot(w, q));
            }
            for (double[] q : basis) {
                subtract(w, q, dot(w, q));
            }
            double beta = Math.sqrt(dot(w, w));
            if (beta <= BREAKDOWN * Math.max(1, Math.abs(alpha)) || k == Math.min(steps, size) - 1) {
                break;
            }
            offDiagonal.add(beta);
            v = scale(w, 1 / beta);
        }
        double[] ritz = new EigenDecomposition(toArray(diagonal), toArray(offDiagonal)).getRealEigenvalues();
        double smallest = Double.POSITIVE_INFINITY;
        double largest = Double.NEGATIVE_INFINITY;
        for (double value : ritz) {
            smallest = Math.min(smallest, value);
            largest = Math.max(largest, value);
        }
        return new Lanczos(smallest, largest, diagonal.size());
    }

    private static double[] random(int size, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[] v = new double[size];
        for (int i = 0; i < size; i++) {
            v[i] = random.nextDouble(-1, 1);
        }
        return v;
    }

    private static double[] unit(double[] v) {
        return scale(v, 1 / Math.sqrt(dot(v, v)));
    }

    private static double[] scale(double[] v, double factor) {
        double[] out = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = v[i] * factor;
        }
        return out;
    }

    private static double dot(double[] a, double[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += a[i] * b[i];
        }
        return sum;
    }

    /** w −= factor·q, in place. */
    private static void subtract(double[] w, double[] q, double factor) {
        for (int i = 0; i < w.length; i++) {
            w[i] -= factor * q[i];
        }
    }

    private static double[] toArray(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).toArray();
    }
}
