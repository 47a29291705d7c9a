package org.minima.api.train;

import java.util.Locale;

/**
 * The update rule and its hyper-parameters.
 *
 * @param algorithm    {@code adam} or {@code sgd}
 * @param learningRate step size, positive
 * @param beta1        Adam's first-moment decay, in [0, 1)
 * @param beta2        Adam's second-moment decay, in [0, 1)
 * @param epsilon      Adam's denominator guard, positive
 */
public record Optimizer(String algorithm, double learningRate, double beta1, double beta2, double epsilon) {

    public Optimizer {
        algorithm = algorithm.trim().toLowerCase(Locale.ROOT);
        if (!algorithm.equals("adam") && !algorithm.equals("sgd")) {
            throw new IllegalArgumentException("optimizer '" + algorithm + "' is unknown; allowed: adam, sgd");
        }
        if (!(learningRate > 0) || Double.isInfinite(learningRate)) {
            throw new IllegalArgumentException("learning rate " + learningRate + " must be a positive number");
        }
        if (!(beta1 >= 0 && beta1 < 1 && beta2 >= 0 && beta2 < 1)) {
            throw new IllegalArgumentException("Adam betas " + beta1 + ", " + beta2 + " must lie in [0, 1)");
        }
        if (!(epsilon > 0)) {
            throw new IllegalArgumentException("Adam epsilon " + epsilon + " must be positive");
        }
    }

    /** Adam with β = (0.9, 0.999), ε = 1e-8 (Firner's protocol). */
    public static Optimizer adam(double learningRate) {
        return new Optimizer("adam", learningRate, 0.9, 0.999, 1e-8);
    }

    /** Plain stochastic gradient descent. */
    public static Optimizer sgd(double learningRate) {
        return new Optimizer("sgd", learningRate, 0.9, 0.999, 1e-8);
    }

    public boolean isAdam() {
        return algorithm.equals("adam");
    }
}
