package org.minima.api;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.BiConsumer;
import java.util.stream.Collectors;

/**
 * Resolved, validated option values of one plugin (or of the core keys): what the profile set, else the declared
 * default, parsed by {@link OptionSpec#parse}. Immutable. Keys are the ones declared in {@link Plugin#options()},
 * without the plugin's name prefix; asking for an undeclared key or with the wrong getter is a programming error and
 * throws {@link IllegalArgumentException}.
 */
public final class Settings {

    private static final Settings EMPTY = new Settings(Map.of(), Map.of());

    private final Map<String, Object> values;
    private final Map<String, String> raw;

    private Settings(Map<String, Object> values, Map<String, String> raw) {
        this.values = Map.copyOf(values);
        this.raw = Map.copyOf(raw);
    }

    /** No options. */
    public static Settings empty() {
        return EMPTY;
    }

    /**
     * Resolves {@code given} (raw values by key, in profile syntax) against {@code options}, defaults filling the
     * gaps. Each invalid value is reported to {@code problems} as (key, message saying what is allowed) and left out;
     * keys of {@code given} that no option declares are ignored (the caller decides whether they are errors).
     */
    public static Settings resolve(List<OptionSpec> options, Map<String, String> given,
                                   BiConsumer<String, String> problems) {
        Map<String, Object> values = new LinkedHashMap<>();
        Map<String, String> raw = new LinkedHashMap<>();
        for (OptionSpec option : options) {
            String value = given.getOrDefault(option.key(), option.defaultValue());
            try {
                values.put(option.key(), option.parse(value));
                raw.put(option.key(), value);
            } catch (IllegalArgumentException e) {
                problems.accept(option.key(), e.getMessage());
            }
        }
        return new Settings(values, raw);
    }

    /**
     * The settings of {@code options} with {@code given} on top, as the launcher would resolve them from a profile.
     *
     * @throws IllegalArgumentException naming the first invalid value or undeclared key
     */
    public static Settings of(List<OptionSpec> options, Map<String, String> given) {
        Set<String> declared = options.stream().map(OptionSpec::key).collect(Collectors.toSet());
        for (String key : new TreeSet<>(given.keySet())) {
            if (!declared.contains(key)) {
                throw new IllegalArgumentException("option '" + key + "' is not declared; declared: "
                        + new TreeSet<>(declared));
            }
        }
        return resolve(options, given, (key, message) -> {
            throw new IllegalArgumentException("option '" + key + "': " + message);
        });
    }

    /** The keys these settings hold. */
    public Set<String> keys() {
        return values.keySet();
    }

    /** The value in profile syntax. */
    public String raw(String key) {
        get(key);
        return raw.get(key);
    }

    /** Every value in profile syntax, sorted by key: what a result records of the options that made it. */
    public Map<String, String> rawValues() {
        return new TreeMap<>(raw);
    }

    /** An {@link OptionType#INT} value. */
    public int getInt(String key) {
        return as(key, Integer.class);
    }

    /** A {@link OptionType#LONG} or {@link OptionType#INT} value. */
    public long getLong(String key) {
        return get(key) instanceof Integer i ? i : as(key, Long.class);
    }

    /** Any numeric value, as a double. */
    public double getDouble(String key) {
        Object value = get(key);
        return value instanceof Number n && !(value instanceof Double) ? n.doubleValue() : as(key, Double.class);
    }

    /** A {@link OptionType#BOOLEAN} value. */
    public boolean getBoolean(String key) {
        return as(key, Boolean.class);
    }

    /** A {@link OptionType#STRING} or {@link OptionType#CHOICE} value. */
    public String getString(String key) {
        return as(key, String.class);
    }

    /** An {@link OptionType#INT_LIST} value, ranges expanded. */
    public List<Integer> getIntList(String key) {
        return list(key, Integer.class);
    }

    /** A {@link OptionType#DOUBLE_LIST} value. */
    public List<Double> getDoubleList(String key) {
        return list(key, Double.class);
    }

    /** A {@link OptionType#STRING_LIST} value. */
    public List<String> getStringList(String key) {
        return list(key, String.class);
    }

    private Object get(String key) {
        if (!values.containsKey(key)) {
            throw new IllegalArgumentException("option '" + key + "' was not declared; declared: "
                    + new TreeSet<>(values.keySet()));
        }
        return values.get(key);
    }

    private <T> T as(String key, Class<T> type) {
        Object value = get(key);
        if (!type.isInstance(value)) {
            throw new IllegalArgumentException("option '" + key + "' holds " + value.getClass().getSimpleName()
                    + ", not " + type.getSimpleName());
        }
        return type.cast(value);
    }

    private <T> List<T> list(String key, Class<T> type) {
        Object value = get(key);
        if (!(value instanceof List<?> list) || !list.stream().allMatch(type::isInstance)) {
            throw new IllegalArgumentException("option '" + key + "' is not a list of " + type.getSimpleName());
        }
        return list.stream().map(type::cast).toList();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Settings other && raw.equals(other.raw);
    }

    @Override
    public int hashCode() {
        return Objects.hash(raw);
    }

    @Override
    public String toString() {
        return rawValues().toString();
    }
}
