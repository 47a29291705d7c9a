package org.minima.launcher.framework;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * Where things are: the distribution folder built by Maven ({@code launcher/target/minima}: the launcher jar,
 * {@code lib/}, {@code system/}, {@code bundles/}) and Minima's home (the repository root: {@code config/},
 * {@code results/}, {@code deploy/}).
 *
 * @param dist the distribution folder
 * @param home Minima's home
 */
public record Distribution(Path dist, Path home) {

    /** The distribution holding this class's jar; home from {@code -Dminima.home}, else the working directory. */
    public static Distribution locate() {
        try {
            Path jar = Path.of(Distribution.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            Path dist = Files.isDirectory(jar) ? jar : jar.getParent();
            Path home = Path.of(System.getProperty("minima.home", "")).toAbsolutePath().normalize();
            return new Distribution(dist, home);
        } catch (URISyntaxException e) {
            throw new IllegalStateException("cannot locate the launcher jar", e);
        }
    }

    public Path configDir() {
        return home.resolve("config");
    }

    public Path resultsDir() {
        return home.resolve("results");
    }

    public Path deployDir() {
        return home.resolve("deploy");
    }

    /** Framework service bundles, in install order (their file names are numbered). */
    List<Path> systemBundles() {
        return jars(dist.resolve("system"));
    }

    /** Minima's own bundles. */
    List<Path> minimaBundles() {
        return jars(dist.resolve("bundles"));
    }

    private static List<Path> jars(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new IllegalStateException("bundle folder " + dir + " is missing: rebuild with mvn -B package");
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.toString().endsWith(".jar")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
