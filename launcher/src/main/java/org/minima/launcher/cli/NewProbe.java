package org.minima.launcher.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.minima.launcher.config.InputError;

/**
 * {@code minima new-probe DIR NAME [PACKAGE]}: a new third-party probe project, made from
 * {@code examples/third-party-probe} with its names replaced — the service name, table, class, package, bundle
 * symbolic name and artifact — and its in-framework test pointed at this Minima. It builds and passes its tests as
 * it is; the author then changes what the probe computes.
 */
final class NewProbe {

    private static final String EXAMPLE = "examples/third-party-probe";
    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9]*(-[a-z0-9]+)*");
    private static final Pattern PACKAGE = Pattern.compile("[a-z][a-z0-9_]*(\\.[a-z][a-z0-9_]*)+");
    private static final String EXAMPLE_PACKAGE = "org.example.weightnorms";

    private NewProbe() {
    }

    /** Writes the project into {@code dir}, which must not exist yet; returns the files written. */
    static List<Path> create(Path home, Path dir, String name, String pkg) throws IOException {
        if (!NAME.matcher(name).matches()) {
            throw new InputError("new-probe: NAME '" + name + "' must be lower-case words joined by '-', for example "
                    + "edge-loss");
        }
        if (!PACKAGE.matcher(pkg).matches()) {
            throw new InputError("new-probe: PACKAGE '" + pkg + "' must be a dotted lower-case Java package, for "
                    + "example org.example.edgeloss");
        }
        if (Files.exists(dir)) {
            throw new InputError("new-probe: " + dir + " exists already; name a new folder");
        }
        Path example = home.resolve(EXAMPLE);
        if (!Files.isDirectory(example)) {
            throw new InputError("new-probe: the template " + example + " is missing from this Minima");
        }
        Map<String, String> replacements = replacements(home, name, pkg);
        List<Path> sources;
        try (Stream<Path> files = Files.walk(example)) {
            sources = files.filter(Files::isRegularFile).filter(f -> !example.relativize(f).startsWith("target"))
                    .toList();
        }
        for (Path source : sources) {
            Path target = dir.resolve(replace(example.relativize(source).toString()
                    .replace(EXAMPLE_PACKAGE.replace('.', '/'), pkg.replace('.', '/')), replacements));
            Files.createDirectories(target.getParent());
            Files.writeString(target, replace(Files.readString(source, StandardCharsets.UTF_8), replacements),
                    StandardCharsets.UTF_8);
        }
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).sorted().toList();
        }
    }

    /** The example's names and what they become, longest first so that no replacement breaks a longer one. */
    private static Map<String, String> replacements(Path home, String name, String pkg) {
        String type = className(name);
        Map<String, String> replacements = new LinkedHashMap<>();
        replacements.put(EXAMPLE_PACKAGE, pkg);
        replacements.put("weight-norms-probe", name);
        replacements.put("Weight norms probe", type);
        replacements.put("WeightNorms", type);
        replacements.put("weight-norms", name);
        replacements.put("weight_norms", name.replace('-', '_'));
        replacements.put("${project.basedir}/../..", home.toAbsolutePath().normalize().toString());
        return replacements;
    }

    private static String className(String name) {
        StringBuilder type = new StringBuilder();
        for (String word : name.split("-")) {
            type.append(Character.toUpperCase(word.charAt(0))).append(word.substring(1));
        }
        return type.toString();
    }

    private static String replace(String text, Map<String, String> replacements) {
        String result = text;
        for (Map.Entry<String, String> entry : replacements.entrySet()) {
            result = result.replace(entry.getKey(), entry.getValue());
        }
        return result;
    }
}
