package org.minima.api;

import java.util.List;
import java.util.Set;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Resolved, validated option values: what the profile set, else the declared default. Keys are the ones a plugin
 * declared in {@link Plugin#options()}; asking for an undeclared key or the wrong type is a programming error and
 * throws {@link IllegalArgumentException}.
 */
@ProviderType
public interface Settings {

    /** The keys this view holds. */
    Set<String> keys();

    /** The value in profile syntax. */
    String raw(String key);

    int getInt(String key);

    long getLong(String key);

    double getDouble(String key);

    boolean getBoolean(String key);

    String getString(String key);

    List<Integer> getIntList(String key);

    List<Double> getDoubleList(String key);

    List<String> getStringList(String key);
}
