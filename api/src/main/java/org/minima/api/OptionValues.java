package org.minima.api;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Parses a raw profile value by its {@link OptionSpec} into a typed value (Integer, Long, Double, Boolean, String or
 * a List of those), checking choices and bounds; errors say what is allowed. It is the code behind
 * {@link OptionSpec#parse} and {@link OptionSpec#allowed}, so the launcher and every test parse values alike.
 */
final class OptionValues {

    private OptionValues() {
    }

    /**
     * The typed value of {@code raw}.
     *
     * @throws IllegalArgumentException with a message saying what is allowed
     */
    static Object parse(OptionSpec spec, String raw) {
        String value = raw.trim();
        return switch (spec.type()) {
            case INT -> checkBounds(spec, parseInt(spec, value));
            case LONG -> checkBounds(spec, parseLong(spec, value));
            case DOUBLE -> checkBounds(spec, parseDouble(spec, value));
            case BOOLEAN -> parseBoolean(spec, value);
            case STRING -> value;
            case CHOICE -> checkChoice(spec, value);
            case INT_LIST -> parseIntList(spec, value);
            case DOUBLE_LIST -> split(spec, value).stream().map(v -> checkBounds(spec, parseDouble(spec, v))).toList();
            case STRING_LIST -> parseStringList(spec, value);
        };
    }

    /** What a value of this option may be, for error messages and the configuration reference. */
    static String allowed(OptionSpec spec) {
        String bounds = bounds(spec);
        return switch (spec.type()) {
            case INT -> "an integer" + bounds;
            case LONG -> "a whole number" + bounds;
            case DOUBLE -> "a number" + bounds;
            case BOOLEAN -> "true or false";
            case STRING -> "text";
            case CHOICE -> "one of " + String.join(", ", spec.choices());
            case INT_LIST -> "a list of integers" + bounds + ", such as 1,2,5 or 1-20";
            case DOUBLE_LIST -> "a list of numbers" + bounds + ", such as 0.1,0.5";
            case STRING_LIST -> spec.choices().isEmpty() ? "a comma-separated list of words"
                    : "a comma-separated list of " + String.join(", ", spec.choices());
        };
    }

    private static String bounds(OptionSpec spec) {
        if (spec.min() != null && spec.max() != null) {
            return " from " + format(spec.min()) + " to " + format(spec.max());
        }
        if (spec.min() != null) {
            return " >= " + format(spec.min());
        }
        return spec.max() != null ? " <= " + format(spec.max()) : "";
    }

    private static String format(double bound) {
        return bound == Math.rint(bound) && Math.abs(bound) < 1e15 ? String.valueOf((long) bound)
                : String.valueOf(bound);
    }

    private static int parseInt(OptionSpec spec, String value) {
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw invalid(spec, value);
        }
    }

    private static long parseLong(OptionSpec spec, String value) {
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw invalid(spec, value);
        }
    }

    private static double parseDouble(OptionSpec spec, String value) {
        try {
            double d = Double.parseDouble(value);
            if (Double.isNaN(d) || Double.isInfinite(d)) {
                throw invalid(spec, value);
            }
            return d;
        } catch (NumberFormatException e) {
            throw invalid(spec, value);
        }
    }

    private static boolean parseBoolean(OptionSpec spec, String value) {
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw invalid(spec, value);
        };
    }

    private static String checkChoice(OptionSpec spec, String value) {
        if (!spec.choices().contains(value)) {
            throw invalid(spec, value);
        }
        return value;
    }

    private static List<Integer> parseIntList(OptionSpec spec, String value) {
        List<Integer> out = new ArrayList<>();
        if (value.isEmpty()) {
            return List.of();
        }
        for (String part : split(spec, value)) {
            int dash = part.indexOf('-', 1);
            if (dash < 0) {
                out.add(checkBounds(spec, parseInt(spec, part)));
                continue;
            }
            int from = parseInt(spec, part.substring(0, dash).trim());
            int to = parseInt(spec, part.substring(dash + 1).trim());
            if (to < from || (long) to - from > 1_000_000) {
                throw invalid(spec, part);
            }
            for (int i = from; i <= to; i++) {
                out.add(checkBounds(spec, i));
            }
        }
        if (out.stream().distinct().count() != out.size()) {
            throw new IllegalArgumentException("'" + value + "' repeats a value; allowed: " + allowed(spec)
                    + " without repeats");
        }
        return List.copyOf(out);
    }

    private static List<String> parseStringList(OptionSpec spec, String value) {
        List<String> words = value.isEmpty() ? List.of() : split(spec, value);
        for (String word : words) {
            if (!spec.choices().isEmpty() && !spec.choices().contains(word)) {
                throw new IllegalArgumentException("'" + word + "' is not allowed; allowed: " + allowed(spec));
            }
        }
        if (words.stream().distinct().count() != words.size()) {
            throw new IllegalArgumentException("'" + value + "' repeats a value");
        }
        return words;
    }

    private static List<String> split(OptionSpec spec, String value) {
        List<String> parts = new ArrayList<>();
        for (String part : value.split(",", -1)) {
            String trimmed = part.trim();
            if (trimmed.isEmpty()) {
                throw new IllegalArgumentException("'" + value + "' has an empty item; allowed: " + allowed(spec));
            }
            parts.add(trimmed);
        }
        return parts;
    }

    private static <T extends Number> T checkBounds(OptionSpec spec, T number) {
        double d = number.doubleValue();
        if ((spec.min() != null && d < spec.min()) || (spec.max() != null && d > spec.max())) {
            throw new IllegalArgumentException("'" + number + "' is out of range; allowed: " + allowed(spec));
        }
        return number;
    }

    private static IllegalArgumentException invalid(OptionSpec spec, String value) {
        return new IllegalArgumentException("'" + value + "' is not valid; allowed: " + allowed(spec));
    }
}
