package org.minima.walk;

import org.minima.api.model.ParameterVector;

/**
 * A quadratic Bézier curve in parameter space (Garipov et al. 2018): θ(t) = (1 − t)²·start + 2t(1 − t)·control +
 * t²·end for t in [0, 1], through both ends, bent towards the control point.
 */
record Bezier(ParameterVector start, ParameterVector control, ParameterVector end) {

    /** The curve that is the straight line from {@code start} to {@code end}: its control point is their midpoint. */
    static Bezier straight(ParameterVector start, ParameterVector end) {
        return new Bezier(start, start.interpolate(end, 0.5), end);
    }

    /** θ(t), computed per element in double and rounded to float. */
    ParameterVector at(double t) {
        double a = (1 - t) * (1 - t);
        double c = controlWeight(t);
        double b = t * t;
        float[] out = new float[start.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = (float) (a * start.get(i) + c * control.get(i) + b * end.get(i));
        }
        return ParameterVector.of(out);
    }

    /** ∂θ(t)/∂control = 2t(1 − t): how much of a gradient at θ(t) reaches the control point. */
    static double controlWeight(double t) {
        return 2 * t * (1 - t);
    }

    Bezier withControl(ParameterVector moved) {
        return new Bezier(start, moved, end);
    }
}
