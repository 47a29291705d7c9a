package org.minima.launcher.folder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.minima.launcher.config.InputError;

class FindingsTest {

    private static RunFolder run(Path dir) throws IOException {
        Path folder = Files.createDirectories(dir.resolve("results/firner/20261208-010208"));
        Files.writeString(folder.resolve(RunFolder.CONFIG), "dl4j.engine = planes\nsteps = 3\n");
        Files.writeString(folder.resolve(RunFolder.RECORD), """
                {"profile": "firner", "run_id": "20261208-010208", "status": "succeeded",
                 "command": "minima run firner --set steps=3", "git_commit": "2e3b679",
                 "versions": {"minima": "0.1.0-SNAPSHOT", "java": "17"},
                 "host": {"cpu": "AMD EPYC", "cores": 2, "os": "Linux amd64", "omp_num_threads": "1", "blas": "mkl"},
                 "attempts": [
                   {"command": "minima run firner --set steps=3", "status": "interrupted",
                    "started": "2026-12-08T01:00:00.000Z", "ended": "2026-12-08T01:10:00.000Z"},
                   {"command": "minima run --resume results/firner/20261208-010208", "status": "succeeded",
                    "started": "2026-12-08T02:00:00.000Z", "ended": "2026-12-08T02:17:30.000Z"}]}
                """);
        Files.writeString(folder.resolve("summary.csv"), "steps,successes\n3,1\n");
        Files.writeString(folder.resolve("straight_walk.csv"), "steps,loss\n3,0.5\n");
        Files.writeString(folder.resolve("walk.png"), "png");
        return RunFolder.reopen(folder);
    }

    @Test
    void keepsTheRunsTablesTheNamedFilesAndHowTheyWereMade(@TempDir Path dir) throws IOException {
        RunFolder run = run(dir);
        Path findings = dir.resolve("docs/findings");
        List<String> words = List.of("findings", run.path().toString(), "firner-n3", "walk.png");
        Findings.store(run, findings, "firner-n3", List.of("walk.png"), words);
        Path kept = findings.resolve("firner-n3");
        try (Stream<Path> files = Files.list(kept)) {
            assertEquals(List.of("RUN.md", "config.properties", "run.json", "summary.csv", "walk.png"),
                    files.map(f -> f.getFileName().toString()).sorted().toList(), "straight_walk.csv was not named");
        }
        String text = Files.readString(kept.resolve("RUN.md"));
        assertTrue(text.contains("`./minima run firner --set steps=3`"), text);
        assertTrue(text.contains("`2e3b679`"), text);
        assertTrue(text.contains("`dl4j.engine = planes`, BLAS mkl"), text);
        assertTrue(text.contains("AMD EPYC, 2 cores"), text);
        assertTrue(text.contains("| wall time | 27 min 30 s"), "10 min and 17 min 30 s: " + text);
        assertTrue(text.contains("`./minima run --resume results/firner/20261208-010208`: succeeded"), text);
    }

    @Test
    void aSecondStoreReplacesTheFirstWhole(@TempDir Path dir) throws IOException {
        RunFolder run = run(dir);
        Path findings = dir.resolve("docs/findings");
        Findings.store(run, findings, "firner-n3", List.of("walk.png"), List.of());
        Findings.store(run, findings, "firner-n3", List.of("straight_walk.csv"), List.of());
        assertTrue(Files.exists(findings.resolve("firner-n3/straight_walk.csv")));
        assertFalse(Files.exists(findings.resolve("firner-n3/walk.png")), "nothing of the first store stays");
        try (Stream<Path> left = Files.list(findings)) {
            assertEquals(List.of("firner-n3"), left.map(f -> f.getFileName().toString()).toList(),
                    "no temporary folder stays behind");
        }
    }

    @Test
    void aFileTheRunLacksOrABadNameIsRefusedAndNothingIsWritten(@TempDir Path dir) throws IOException {
        RunFolder run = run(dir);
        Path findings = dir.resolve("docs/findings");
        InputError missing = assertThrows(InputError.class,
                () -> Findings.store(run, findings, "firner-n3", List.of("walks.png"), List.of()));
        assertTrue(missing.getMessage().contains("'walks.png' is not a file of the run folder"), missing.getMessage());
        InputError name = assertThrows(InputError.class,
                () -> Findings.store(run, findings, "Firner n3", List.of(), List.of()));
        assertTrue(name.getMessage().contains("NAME 'Firner n3'"), name.getMessage());
        assertFalse(Files.exists(findings.resolve("firner-n3")));
    }

    @Test
    void wallTimesReadAsAPersonWouldSayThem() {
        assertEquals("27 min 30 s", Findings.format(Duration.ofSeconds(27 * 60 + 30)));
        assertEquals("13 h 05 min", Findings.format(Duration.ofMinutes(13 * 60 + 5)));
    }
}
