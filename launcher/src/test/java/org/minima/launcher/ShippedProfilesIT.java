package org.minima.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every profile in config/ passes the checks a run makes before any work, and {@code check} runs nothing. */
class ShippedProfilesIT {

    private static final Path CONFIG = Path.of("..", "config");

    @TempDir
    Path dir;

    @Test
    void everyShippedProfileIsValid() throws Exception {
        List<Path> profiles;
        try (Stream<Path> files = Files.list(CONFIG)) {
            profiles = files.filter(f -> f.toString().endsWith(".properties")).sorted().toList();
        }
        assertTrue(profiles.size() >= 5, profiles.toString());
        MinimaHome minima = new MinimaHome(dir);
        for (Path profile : profiles) {
            MinimaHome.Result result = minima.run("check", profile.toAbsolutePath().toString());
            assertEquals(0, result.exitCode(), profile + ":\n" + result.output());
            assertTrue(result.output().contains("is valid: "), result.output());
            // a log line is "HH:mm:ss LEVEL message" (java's own notice of the Vector API module is not Minima's)
            assertFalse(Pattern.compile("(?m)^\\d\\d:\\d\\d:\\d\\d WARN").matcher(result.output()).find(),
                    "no warnings for a shipped profile:\n" + result.output());
            String name = profile.getFileName().toString().replace(".properties", "");
            assertEquals(List.of(), minima.runFolders(name), "check writes no run folder");
        }
    }
}
