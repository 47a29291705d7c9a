package org.minima.launcher.framework;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

import org.osgi.framework.Bundle;

/**
 * Which bundle made something: its symbolic name, version and the SHA-256 of the jar it was installed from, so two
 * builds of one version are told apart.
 *
 * @param symbolicName the bundle's symbolic name
 * @param version      its version
 * @param sha256       the hex SHA-256 of its jar, or {@code unknown} when the location is not a readable file
 */
public record BundleIdentity(String symbolicName, String version, String sha256) {

    /** The identity of {@code bundle}, hashing the file at its location. */
    public static BundleIdentity of(Bundle bundle) {
        return new BundleIdentity(bundle.getSymbolicName(), bundle.getVersion().toString(),
                checksum(bundle.getLocation()));
    }

    /** The identity as run.json and provenance files record it. */
    public Map<String, Object> asMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("bundle", symbolicName);
        map.put("version", version);
        map.put("sha256", sha256);
        return map;
    }

    @Override
    public String toString() {
        return symbolicName + " " + version + " (sha256 " + sha256.substring(0, Math.min(12, sha256.length())) + ")";
    }

    private static String checksum(String location) {
        try {
            return sha256(Path.of(URI.create(location)));
        } catch (IOException | IllegalArgumentException e) {
            return "unknown";
        }
    }

    /** The hex SHA-256 of {@code file}'s bytes. */
    public static String sha256(Path file) throws IOException {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            try (InputStream in = new DigestInputStream(Files.newInputStream(file), digest)) {
                in.transferTo(OutputStream.nullOutputStream());
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }
}
