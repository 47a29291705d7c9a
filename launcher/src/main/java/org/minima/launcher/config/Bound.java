package org.minima.launcher.config;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

import org.minima.api.Plugin;
import org.minima.api.Role;
import org.minima.api.Settings;
import org.minima.launcher.framework.BundleIdentity;

/**
 * A service bound to a role, with its name, its resolved options and the bundle that provides it.
 *
 * @param role     the role the profile binds it to
 * @param name     the name the profile used
 * @param service  the service
 * @param settings its options
 * @param origin   the bundle that registered it
 */
public record Bound<T extends Plugin>(Role role, String name, T service, Settings settings, BundleIdentity origin) {

    /** The profile key of one of its options, for example {@code straight-walk.points}. */
    public String key(String option) {
        return name + "." + option;
    }

    /** What made this service's outputs: role, name, bundle (name, version, checksum) and every option's value. */
    public Map<String, Object> provenance() {
        Map<String, Object> provenance = new LinkedHashMap<>();
        provenance.put("role", role.key());
        provenance.put("name", name);
        provenance.putAll(origin.asMap());
        provenance.put("options", new TreeMap<>(settings.rawValues()));
        return provenance;
    }

    /**
     * Where this service's outputs are kept apart from other versions' and options': {@code ROLE/NAME/KEY} in the run
     * folder, for example {@code probes/straight-walk/1.2.0-3f9a0c1d}.
     */
    public String outputFolder() {
        return role.key() + "/" + name + "/" + outputKey();
    }

    /**
     * A folder name that changes whenever what makes the outputs does: the bundle version, then a short hash of the
     * jar's checksum and the options, for example {@code 1.2.0-3f9a0c1d}.
     */
    public String outputKey() {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(origin.sha256().getBytes(StandardCharsets.UTF_8));
            digest.update(new TreeMap<>(settings.rawValues()).toString().getBytes(StandardCharsets.UTF_8));
            return origin.version() + "-" + HexFormat.of().formatHex(digest.digest(), 0, 4);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
