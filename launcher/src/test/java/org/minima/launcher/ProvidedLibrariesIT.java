package org.minima.launcher;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * The table of libraries provided to bundles in docs/writing-a-bundle.md names the jars and versions the
 * distribution's class path really holds, so a bundle author builds against the right versions.
 */
class ProvidedLibrariesIT {

    private static final Path DOC = Path.of("..", "docs", "writing-a-bundle.md");
    private static final Path LIB = Path.of(System.getProperty("minima.dist", "target/minima"), "lib");
    private static final Pattern ROW = Pattern.compile("^\\| [^|]*\\(([^)]*)\\) \\| ([^ |]+) \\|");
    private static final Pattern ARTIFACT = Pattern.compile("`([a-z0-9.-]+)`");

    @Test
    void everyDocumentedLibraryIsOnTheClassPathAtItsDocumentedVersion() throws Exception {
        Set<String> jars;
        try (Stream<Path> files = Files.list(LIB)) {
            jars = files.map(f -> f.getFileName().toString()).collect(Collectors.toSet());
        }
        List<String> documented = new ArrayList<>();
        for (String line : Files.readAllLines(DOC)) {
            Matcher row = ROW.matcher(line);
            if (!row.find()) {
                continue;
            }
            Matcher artifact = ARTIFACT.matcher(row.group(1));
            while (artifact.find()) {
                String jar = artifact.group(1) + "-" + row.group(2);
                documented.add(jar);
                assertTrue(jars.stream().anyMatch(name -> name.startsWith(jar) && name.endsWith(".jar")),
                        DOC + " documents " + jar + ", but " + LIB + " holds " + jars.stream().sorted().toList());
            }
        }
        assertFalse(documented.size() < 10, "the table was found: " + documented);
    }
}
