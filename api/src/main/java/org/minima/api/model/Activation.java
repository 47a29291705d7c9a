package org.minima.api.model;

import java.util.Locale;

/** A layer's nonlinearity. Hidden layers use {@link #RELU} or {@link #LEAKY_RELU}; the head uses {@link #SIGMOID}. */
public enum Activation {
    /** max(0, x). */
    RELU,
    /** x for x &gt; 0, else 0.01·x (Firner's later runs). */
    LEAKY_RELU,
    /** 1 / (1 + e^−x): the output head. */
    SIGMOID;

    /** The negative-side slope of {@link #LEAKY_RELU}. */
    public static final double LEAKY_SLOPE = 0.01;

    /** The name used in profiles and tables: {@code relu}, {@code leaky-relu} or {@code sigmoid}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** Parses {@link #label()}; throws {@link IllegalArgumentException} listing the allowed labels. */
    public static Activation parse(String label) {
        for (Activation a : values()) {
            if (a.label().equals(label.trim())) {
                return a;
            }
        }
        throw new IllegalArgumentException("unknown activation '" + label + "'; allowed: relu, leaky-relu, sigmoid");
    }
}
