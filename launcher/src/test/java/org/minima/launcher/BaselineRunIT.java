package org.minima.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.minima.api.Table;
import org.minima.api.data.BoardShape;
import org.minima.api.data.Boundary;
import org.minima.api.data.Game;
import org.minima.api.data.Neighbourhood;
import org.minima.api.data.Rule;
import org.minima.launcher.folder.CsvTables;

/** Runs a baseline profile end to end in the real framework and checks its table against exact enumeration. */
class BaselineRunIT {

    private static final int BOARDS = 20_000;
    private static final String PROFILE = """
            analyses = baseline
            plots = baseline-figure
            data.neighbourhood = moore, von-neumann
            data.boundary = dead, toroidal
            data.test-size = 3x3
            data.train-size = 4x4
            steps = 1-6
            baseline.boards = %d
            baseline.seed = 7
            """.formatted(BOARDS);

    @TempDir
    Path dir;

    /** Every step count of one game and size enumerated at once: game and size → statistics by n. */
    private static final Map<String, ExactBaseline.Stats[]> ENUMERATED = new HashMap<>();
    private static final int MAX_STEPS = 6;

    @Test
    void writesTheBaselineTableFigureAndRunRecord() throws Exception {
        MinimaHome minima = new MinimaHome(dir);
        minima.profile("small", PROFILE);
        MinimaHome.Result result = minima.run("run", "small");
        assertEquals(0, result.exitCode(), result.output());
        Path run = minima.runFolders("small").get(0);

        for (String file : List.of("config.properties", "run.json", "run.log", "baseline.csv", "baseline.png")) {
            assertTrue(Files.size(run.resolve(file)) > 0, file + " is written");
        }
        String record = Files.readString(run.resolve("run.json"));
        assertTrue(record.contains("\"status\": \"succeeded\"") && record.contains("\"dl4j\": \"1.0.0-M2.1\"")
                && record.contains("\"command\": \"minima run small\""), record);
        assertTrue(Files.readString(run.resolve("config.properties")).contains("data.test-seed = 0"),
                "the resolved configuration lists defaults too");
        assertTrue(Files.readString(run.resolve("run.log")).contains("baseline boards: "), "progress is logged");

        Table table = CsvTables.read("baseline", run.resolve("baseline.csv"));
        assertEquals(2 * 2 * 2 * 6, table.rows().size());
        for (int row = 0; row < table.rows().size(); row++) {
            assertMatchesEnumeration(table, row);
        }
    }

    @Test
    void stopsCleanlyWhenTerminatedAndRecordsTheInterruption() throws Exception {
        MinimaHome minima = new MinimaHome(dir);
        minima.profile("long", PROFILE.replace("baseline.boards = " + BOARDS, "baseline.boards = 10000000")
                .replace("steps = 1-6", "steps = 1-20") + "run.progress-seconds = 0.2\n");
        Path log = dir.resolve("long.txt");
        Process process = minima.start(log, "run", "long");
        long deadline = System.currentTimeMillis() + 60_000;
        while (!Files.readString(log).contains("baseline boards: ") && System.currentTimeMillis() < deadline) {
            Thread.sleep(100);
        }
        process.destroy();
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "the JVM exits after a termination signal");
        Path run = minima.runFolders("long").get(0);
        String record = Files.readString(run.resolve("run.json"));
        assertTrue(record.contains("\"status\": \"interrupted\""), record + "\n" + Files.readString(log));
        assertTrue(!Files.exists(run.resolve("baseline.csv")), "no partial table is written");
    }

    private static void assertMatchesEnumeration(Table table, int row) {
        Game game = new Game(Rule.parse(table.text(row, "rule")), Neighbourhood.parse(table.text(row, "neighbourhood")),
                Boundary.parse(table.text(row, "boundary")));
        int steps = (int) table.number(row, "steps");
        ExactBaseline.Stats exact = ENUMERATED.computeIfAbsent(game + " " + table.text(row, "size"),
                key -> ExactBaseline.compute(game, BoardShape.parse(table.text(row, "size")), MAX_STEPS))[steps];
        String where = "row " + row + " " + table.rows().get(row);
        assertClose(exact.deadShare(), table.number(row, "dead_share"), binomialSd(exact.deadShare()), where);
        assertClose(exact.unchangedShare(), table.number(row, "unchanged_share"),
                binomialSd(exact.unchangedShare()), where);
        assertClose(exact.meanLiveFraction(), table.number(row, "mean_live_fraction"),
                exact.liveFractionSd() / Math.sqrt(BOARDS), where);
    }

    private static double binomialSd(double q) {
        return Math.sqrt(q * (1 - q) / BOARDS);
    }

    /** Within five standard errors of the exact value (a deterministic check: the seed is fixed). */
    private static void assertClose(double exact, double estimate, double standardError, String where) {
        assertTrue(Math.abs(estimate - exact) <= 5 * standardError + 1e-12,
                where + ": estimate " + estimate + " vs exact " + exact + " (standard error " + standardError + ")");
    }
}
