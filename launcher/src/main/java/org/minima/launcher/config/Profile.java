package org.minima.launcher.config;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A profile's raw key/value pairs with where each came from (the file, or {@code --set}), so every error can name
 * its source.
 *
 * @param name   the profile's name (file name without {@code .properties})
 * @param file   the profile file
 * @param values key → raw value
 * @param origin key → where the value came from
 */
public record Profile(String name, Path file, Map<String, String> values, Map<String, String> origin) {

    static final String SUFFIX = ".properties";

    /**
     * Finds {@code nameOrPath}: a path to a {@code .properties} file, or a name looked up in {@code configDir}.
     *
     * @throws InputError naming the file looked for and the profiles available
     */
    public static Path locate(String nameOrPath, Path configDir) {
        boolean isPath = nameOrPath.contains("/") || nameOrPath.endsWith(SUFFIX);
        Path file = isPath ? Path.of(nameOrPath) : configDir.resolve(nameOrPath + SUFFIX);
        if (!Files.isRegularFile(file)) {
            throw new InputError("profile file " + file + " does not exist; profiles in " + configDir + ": "
                    + available(configDir));
        }
        return file;
    }

    /** Reads {@code file} and applies the {@code --set} overrides on top. */
    public static Profile load(Path file, Map<String, String> overrides) {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(reader);
        } catch (IOException | IllegalArgumentException e) {
            throw new InputError("cannot read profile " + file + ": " + e.getMessage());
        }
        Map<String, String> values = new TreeMap<>();
        Map<String, String> origin = new TreeMap<>();
        properties.stringPropertyNames().forEach(key -> {
            values.put(key.trim(), properties.getProperty(key).trim());
            origin.put(key.trim(), file.toString());
        });
        overrides.forEach((key, value) -> {
            values.put(key, value);
            origin.put(key, "--set " + key + "=" + value);
        });
        String fileName = file.getFileName().toString();
        String name = fileName.endsWith(SUFFIX) ? fileName.substring(0, fileName.length() - SUFFIX.length())
                : fileName;
        return new Profile(name, file, Collections.unmodifiableMap(values), Collections.unmodifiableMap(origin));
    }

    /** Where {@code key}'s value came from: the profile file, {@code --set}, or the default. */
    String originOf(String key) {
        return origin.getOrDefault(key, "default");
    }

    private static String available(Path configDir) {
        if (!Files.isDirectory(configDir)) {
            return "(the folder does not exist)";
        }
        try (Stream<Path> files = Files.list(configDir)) {
            String names = files.map(p -> p.getFileName().toString())
                    .filter(n -> n.endsWith(SUFFIX))
                    .map(n -> n.substring(0, n.length() - SUFFIX.length()))
                    .sorted()
                    .collect(Collectors.joining(", "));
            return names.isEmpty() ? "(none)" : names;
        } catch (IOException e) {
            return "(cannot list: " + e.getMessage() + ")";
        }
    }
}
