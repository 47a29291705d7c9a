package org.minima.launcher.config;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.minima.api.Settings;

/** Typed, validated option values of one namespace (the core keys, or one plugin's). */
public final class ResolvedSettings implements Settings {

    private final Map<String, Object> values;
    private final Map<String, String> raw;

    ResolvedSettings(Map<String, Object> values, Map<String, String> raw) {
        this.values = Map.copyOf(values);
        this.raw = Map.copyOf(raw);
    }

    @Override
    public Set<String> keys() {
        return values.keySet();
    }

    @Override
    public String raw(String key) {
        get(key);
        return raw.get(key);
    }

    @Override
    public int getInt(String key) {
        return as(key, Integer.class);
    }

    @Override
    public long getLong(String key) {
        Object value = get(key);
        if (value instanceof Integer i) {
            return i;
        }
        return as(key, Long.class);
    }

    @Override
    public double getDouble(String key) {
        Object value = get(key);
        if (value instanceof Number n && !(value instanceof Double)) {
            return n.doubleValue();
        }
        return as(key, Double.class);
    }

    @Override
    public boolean getBoolean(String key) {
        return as(key, Boolean.class);
    }

    @Override
    public String getString(String key) {
        return as(key, String.class);
    }

    @Override
    public List<Integer> getIntList(String key) {
        return list(key, Integer.class);
    }

    @Override
    public List<Double> getDoubleList(String key) {
        return list(key, Double.class);
    }

    @Override
    public List<String> getStringList(String key) {
        return list(key, String.class);
    }

    private Object get(String key) {
        if (!values.containsKey(key)) {
            throw new IllegalArgumentException("option '" + key + "' was not declared; declared: " + values.keySet());
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
}
