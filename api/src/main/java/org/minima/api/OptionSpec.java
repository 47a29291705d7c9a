package org.minima.api;

import java.util.List;
import java.util.Objects;

/**
 * A documented profile option.
 *
 * @param key          the key, relative to the plugin's name prefix (for example {@code points})
 * @param type         how the value is parsed
 * @param defaultValue the value used when the profile does not set the key, in profile syntax; never null
 * @param description  what the option means, including its unit
 * @param choices      the allowed words for {@link OptionType#CHOICE} and {@link OptionType#STRING_LIST}; else empty
 * @param min          the smallest allowed number (inclusive) for numeric types, or null for no bound
 * @param max          the largest allowed number (inclusive) for numeric types, or null for no bound
 */
public record OptionSpec(String key, OptionType type, String defaultValue, String description,
                         List<String> choices, Double min, Double max) {

    public OptionSpec {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(defaultValue, "defaultValue");
        Objects.requireNonNull(description, "description");
        choices = List.copyOf(choices);
    }

    /** A numeric option bounded to [min, max] (either may be null). */
    public static OptionSpec number(String key, OptionType type, String defaultValue, Double min, Double max,
                                    String description) {
        return new OptionSpec(key, type, defaultValue, description, List.of(), min, max);
    }

    /** An option whose value is one of {@code choices}. */
    public static OptionSpec choice(String key, String defaultValue, List<String> choices, String description) {
        return new OptionSpec(key, OptionType.CHOICE, defaultValue, description, choices, null, null);
    }

    /** A free-text option. */
    public static OptionSpec text(String key, String defaultValue, String description) {
        return new OptionSpec(key, OptionType.STRING, defaultValue, description, List.of(), null, null);
    }

    /**
     * The typed value of {@code raw} in profile syntax: Integer, Long, Double, Boolean or String, or a List of
     * those for the list types; choices and bounds are checked.
     *
     * @throws IllegalArgumentException quoting the value and saying what is allowed
     */
    public Object parse(String raw) {
        return OptionValues.parse(this, raw);
    }

    /** What a value of this option may be, for example "an integer from 1 to 1000", for messages and docs. */
    public String allowed() {
        return OptionValues.allowed(this);
    }
}
