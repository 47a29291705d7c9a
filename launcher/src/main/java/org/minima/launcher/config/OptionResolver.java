package org.minima.launcher.config;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.minima.api.OptionSpec;

/** Resolves a namespace of declared options against a profile, collecting every problem instead of the first. */
public final class OptionResolver {

    private OptionResolver() {
    }

    /**
     * The values of {@code specs} (keys relative to {@code prefix}) from {@code profile}, defaults filling the gaps.
     * Each invalid value adds a line to {@code problems} naming its source, the key, the value and what is allowed.
     */
    static ResolvedSettings resolve(Profile profile, String prefix, List<OptionSpec> specs, List<String> problems) {
        Map<String, Object> values = new HashMap<>();
        Map<String, String> raw = new HashMap<>();
        for (OptionSpec spec : specs) {
            String key = prefix + spec.key();
            String value = profile.values().getOrDefault(key, spec.defaultValue());
            try {
                values.put(spec.key(), OptionParser.parse(spec, value));
                raw.put(spec.key(), value);
            } catch (IllegalArgumentException e) {
                problems.add(profile.originOf(key) + ": key '" + key + "': " + e.getMessage());
            }
        }
        return new ResolvedSettings(values, raw);
    }
}
