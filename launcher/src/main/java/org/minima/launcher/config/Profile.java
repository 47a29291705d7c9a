package org.minima.launcher.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.minima.launcher.folder.RunFolder;

/**
 * A profile's raw key/value pairs with where each came from (the file, or {@code --set}), so every error can name
 * its source.
 *
 * @param name   the profile's name (file name without {@code .properties})
 * @param file   the profile file
 * @param values key → raw value
 * @param origin key → where the value came from: {@code FILE:LINE}, or {@code --set KEY=VALUE}
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

    /** This profile without the keys {@code dropped} accepts. */
    public Profile without(Predicate<String> dropped) {
        Map<String, String> kept = new TreeMap<>(values);
        kept.keySet().removeIf(dropped);
        return new Profile(name, file, kept, origin);
    }

    /**
     * This profile with {@code values} (keys {@code SERVICE.KEY}) set on top from {@code file}, a service's options
     * file in which each appears as {@code KEY}: their origin is {@code FILE:LINE}, so a problem with one names it.
     */
    public Profile withOptionsFile(String service, Map<String, String> values, Path file) {
        Map<String, String> lines = new TreeMap<>();
        if (Files.isRegularFile(file)) {
            PropertiesLines.read(file).forEach(entry -> lines.put(service + "." + entry.key(), file + ":"
                    + entry.line()));
        }
        Map<String, String> merged = new TreeMap<>(this.values);
        Map<String, String> origins = new TreeMap<>(origin);
        values.forEach((key, value) -> {
            merged.put(key, value);
            origins.put(key, lines.getOrDefault(key, file.toString()));
        });
        return new Profile(name, this.file, Collections.unmodifiableMap(merged), Collections.unmodifiableMap(origins));
    }

    /** The configuration {@code folder} saved, with {@code overrides} on top, under the run's profile name. */
    public static Profile ofRun(RunFolder folder, Map<String, String> overrides) {
        Profile saved = load(folder.file(RunFolder.CONFIG), overrides);
        return new Profile(folder.profileName(), saved.file(), saved.values(), saved.origin());
    }

    /**
     * Reads {@code file} and applies the {@code --set} overrides on top. A key's origin is {@code FILE:LINE}.
     *
     * @throws InputError naming the file and line when the file cannot be read, is not valid UTF-8, or sets a key
     *                    twice
     */
    public static Profile load(Path file, Map<String, String> overrides) {
        Map<String, String> values = new TreeMap<>();
        Map<String, String> origin = new TreeMap<>();
        Map<String, Integer> firstLine = new TreeMap<>();
        List<String> duplicates = new ArrayList<>();
        for (PropertiesLines.Entry entry : PropertiesLines.read(file)) {
            Integer first = firstLine.putIfAbsent(entry.key(), entry.line());
            if (first != null) {
                duplicates.add(file + ":" + entry.line() + ": key '" + entry.key() + "' is set again; line " + first
                        + " set it already (each key may be set once: remove one of the two lines)");
            }
            values.put(entry.key(), entry.value());
            origin.put(entry.key(), file + ":" + entry.line());
        }
        if (!duplicates.isEmpty()) {
            throw InputError.of(duplicates);
        }
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
    public String originOf(String key) {
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
