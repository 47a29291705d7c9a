package org.minima.api.data;

import java.util.Locale;

/** What lies beyond the board's edges. */
public enum Boundary {
    /** Cells outside the board are dead, at every step (zero padding; both sources). */
    DEAD,
    /** The board wraps around: a torus. */
    TOROIDAL;

    /** The name used in profiles and tables: {@code dead} or {@code toroidal}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses {@link #label()}; throws {@link IllegalArgumentException} listing the allowed labels. */
    public static Boundary parse(String label) {
        for (Boundary b : values()) {
            if (b.label().equals(label.trim())) {
                return b;
            }
        }
        throw new IllegalArgumentException("unknown boundary '" + label + "'; allowed: dead, toroidal");
    }
}
