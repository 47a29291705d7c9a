package org.minima.api.data;

/**
 * The probability that a cell starts alive. Either fixed ({@code min == max}) or drawn uniformly from
 * [min, max] once per board, as in Springer &amp; Kenyon's training.
 *
 * @param min lowest density, in [0, 1]
 * @param max highest density, in [min, 1]
 */
public record Density(double min, double max) {

    public Density {
        if (!(min >= 0 && max <= 1 && min <= max)) {
            throw new IllegalArgumentException("density " + min + ".." + max
                    + " is out of range: need 0 <= min <= max <= 1");
        }
    }

    /** A fixed density p. */
    public static Density fixed(double p) {
        return new Density(p, p);
    }

    /** Parses {@code p} (fixed) or {@code a..b} (uniform per board), for example {@code 0.5} or {@code 0.1..0.9}. */
    public static Density parse(String text) {
        String t = text.trim();
        try {
            int dots = t.indexOf("..");
            if (dots < 0) {
                return fixed(Double.parseDouble(t));
            }
            return new Density(Double.parseDouble(t.substring(0, dots)), Double.parseDouble(t.substring(dots + 2)));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("density '" + text
                    + "' is not a number p or a range a..b in [0, 1], for example 0.5 or 0.1..0.9");
        }
    }

    /** Whether every board uses the same density. */
    public boolean isFixed() {
        return min == max;
    }

    @Override
    public String toString() {
        return isFixed() ? String.valueOf(min) : min + ".." + max;
    }
}
