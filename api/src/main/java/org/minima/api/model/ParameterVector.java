package org.minima.api.model;

import java.util.Arrays;

/**
 * An immutable flat vector of float32 parameters, laid out by a {@link ParameterLayout}. The arithmetic walks need
 * (interpolation, distances, splicing blocks) lives here so every probe computes it the same way.
 */
public final class ParameterVector {

    private final float[] values;

    private ParameterVector(float[] values) {
        this.values = values;
    }

    /** A vector holding a copy of {@code values}. */
    public static ParameterVector of(float[] values) {
        return new ParameterVector(values.clone());
    }

    /** A vector of {@code size} zeros. */
    public static ParameterVector zeros(int size) {
        return new ParameterVector(new float[size]);
    }

    public int size() {
        return values.length;
    }

    public float get(int index) {
        return values[index];
    }

    /** A copy of the values. */
    public float[] toArray() {
        return values.clone();
    }

    /** (1 − α)·this + α·other, computed per element in double and rounded to float. */
    public ParameterVector interpolate(ParameterVector other, double alpha) {
        requireSameSize(other);
        float[] out = new float[values.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = (float) ((1 - alpha) * values[i] + alpha * other.values[i]);
        }
        return new ParameterVector(out);
    }

    /** Σ |this − other|. */
    public double l1Distance(ParameterVector other) {
        requireSameSize(other);
        double sum = 0;
        for (int i = 0; i < values.length; i++) {
            sum += Math.abs((double) values[i] - other.values[i]);
        }
        return sum;
    }

    /** √Σ (this − other)². */
    public double l2Distance(ParameterVector other) {
        requireSameSize(other);
        double sum = 0;
        for (int i = 0; i < values.length; i++) {
            double d = (double) values[i] - other.values[i];
            sum += d * d;
        }
        return Math.sqrt(sum);
    }

    /** This vector with the values at {@code indices} taken from {@code donor} (for example one block's). */
    public ParameterVector splice(ParameterVector donor, int[] indices) {
        requireSameSize(donor);
        float[] out = values.clone();
        for (int i : indices) {
            out[i] = donor.values[i];
        }
        return new ParameterVector(out);
    }

    private void requireSameSize(ParameterVector other) {
        if (other.values.length != values.length) {
            throw new IllegalArgumentException("parameter vectors differ in size: " + values.length + " vs "
                    + other.values.length);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ParameterVector p && Arrays.equals(values, p.values);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(values);
    }

    @Override
    public String toString() {
        return "ParameterVector[" + values.length + "]";
    }
}
