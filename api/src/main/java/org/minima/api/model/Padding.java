package org.minima.api.model;

import java.util.Locale;

import org.minima.api.data.Boundary;

/**
 * What a network's 3×3 convolutions read beyond the board's edge: the network's own idea of the game's boundary. A
 * network only computes a game when they agree ({@link #of(Boundary)}), and every engine that runs a network
 * (training, evaluation, probes) pads as its spec says.
 */
public enum Padding {
    /** Zeros beyond the edge: the dead boundary, where every cell outside is dead at every step. */
    ZERO,
    /** The opposite edge's cells ("wrap" padding): the toroidal boundary. */
    CIRCULAR;

    /** The padding that sees what a board with {@code boundary} holds beyond its edge. */
    public static Padding of(Boundary boundary) {
        return boundary == Boundary.TOROIDAL ? CIRCULAR : ZERO;
    }

    /** The name used in model files and tables: {@code zero} or {@code circular}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses {@link #label()}; throws {@link IllegalArgumentException} listing the allowed labels. */
    public static Padding parse(String label) {
        for (Padding p : values()) {
            if (p.label().equals(label.trim())) {
                return p;
            }
        }
        throw new IllegalArgumentException("unknown padding '" + label + "'; allowed: zero, circular");
    }
}
