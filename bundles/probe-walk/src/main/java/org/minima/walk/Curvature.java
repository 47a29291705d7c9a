package org.minima.walk;

import java.util.Arrays;
import java.util.function.UnaryOperator;

import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.EigenDecomposition;
import org.minima.api.model.ParameterVector;

/**
 * The Hessian of a loss at a point, built from its gradient by central differences, column by column
 * (H e_i ≈ (∇L(θ + εe_i) − ∇L(θ − εe_i)) / 2ε), made symmetric, and its eigenvalues (Commons Math).
 *
 * @param eigenvalues the symmetric Hessian's eigenvalues, ascending
 */
record Curvature(double[] eigenvalues) {

    /** The step of the differences, relative to the parameter's size (at least 1e-3 absolute). */
    static final double STEP = 1e-3;

    /** The curvature of the loss whose gradient is {@code gradient}, at {@code at}. */
    static Curvature at(ParameterVector at, UnaryOperator<ParameterVector> gradient) {
        int size = at.size();
        float[] values = at.toArray();
        double[][] hessian = new double[size][size];
        for (int i = 0; i < size; i++) {
            float[] up = values.clone();
            float[] down = values.clone();
            double step = STEP * Math.max(1, Math.abs(values[i]));
            up[i] += (float) step;
            down[i] -= (float) step;
            double taken = (double) up[i] - down[i];
            ParameterVector above = gradient.apply(ParameterVector.of(up));
            ParameterVector below = gradient.apply(ParameterVector.of(down));
            for (int j = 0; j < size; j++) {
                hessian[j][i] = (above.get(j) - below.get(j)) / taken;
            }
        }
        for (int i = 0; i < size; i++) {
            for (int j = i + 1; j < size; j++) {
                double mean = (hessian[i][j] + hessian[j][i]) / 2;
                hessian[i][j] = mean;
                hessian[j][i] = mean;
            }
        }
        double[] eigenvalues = new EigenDecomposition(new Array2DRowRealMatrix(hessian, false)).getRealEigenvalues();
        Arrays.sort(eigenvalues);
        return new Curvature(eigenvalues);
    }

    /**
     * The Hessian's product with a vector v, from the same central differences along v:
     * (∇L(θ + εv) − ∇L(θ − εv)) / 2ε with ε = {@link #STEP}·max(1, |θ|), for {@link Lanczos} on networks too large
     * for the full matrix.
     */
    static UnaryOperator<double[]> times(ParameterVector at, UnaryOperator<ParameterVector> gradient) {
        float[] values = at.toArray();
        double step = STEP * Math.max(1, at.l2Distance(ParameterVector.zeros(values.length)));
        return v -> {
            float[] up = values.clone();
            float[] down = values.clone();
            for (int i = 0; i < values.length; i++) {
                up[i] += (float) (step * v[i]);
                down[i] -= (float) (step * v[i]);
            }
            ParameterVector above = gradient.apply(ParameterVector.of(up));
            ParameterVector below = gradient.apply(ParameterVector.of(down));
            double[] product = new double[values.length];
            for (int i = 0; i < values.length; i++) {
                product[i] = (above.get(i) - below.get(i)) / (2 * step);
            }
            return product;
        };
    }

    double smallest() {
        return eigenvalues[0];
    }

    double largest() {
        return eigenvalues[eigenvalues.length - 1];
    }

    /** Eigenvalues below −tolerance·|largest|: directions of descent, so a saddle, not a minimum, when any. */
    long negative(double tolerance) {
        double threshold = tolerance * Math.abs(largest());
        return Arrays.stream(eigenvalues).filter(e -> e < -threshold).count();
    }

    /** Eigenvalues within ±tolerance·|largest|: flat directions (symmetries, dead units). */
    long flat(double tolerance) {
        double threshold = tolerance * Math.abs(largest());
        return Arrays.stream(eigenvalues).filter(e -> Math.abs(e) <= threshold).count();
    }
}
