package org.minima.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.minima.api.Table;
import org.minima.launcher.folder.RunFolder;

/**
 * A training run terminated mid-way keeps its finished models and resumes to exactly the numbers an uninterrupted
 * run of the same profile gives; a resume whose configuration would change results is refused.
 */
class ResumeIT {

    private static final int MODELS = 8;
    private static final String PROFILE = MinimaHome.TINY_TRAINING + """
            train.batches = 300
            train.batch-size = 64
            train.seeds = 1-4
            run.threads = 2
            """;
    /** Wall-clock columns: the only ones allowed to differ between two runs of one profile. */
    private static final Set<String> TIMING_COLUMNS = Set.of("seconds", "samples_per_s");

    @TempDir
    Path dir;

    @Test
    void resumesATerminatedRunToTheResultsOfAnUninterruptedOne() throws Exception {
        MinimaHome minima = new MinimaHome(dir.resolve("interrupted"));
        minima.profile("resume", PROFILE);
        Path run = terminateDuringTraining(minima);
        Path models = run.resolve(RunFolder.MODELS);
        Map<String, MinimaHome.FileState> finished = MinimaHome.snapshot(models, ".zip");
        assertTrue(!finished.isEmpty() && finished.size() < MODELS,
                "terminated after the first model and before the last: " + finished.keySet());

        assertRefusesAResultChangingKey(minima, run);

        // run.threads does not change results, so it may differ, and one thread against the fresh run's two also
        // tests that a model comes out the same however many are trained beside it; a plot and its tables may be
        // added on resume: it draws from the models already trained
        MinimaHome.Result resumed = minima.run("run", "--resume", run.toString(), "--set", "run.threads=1",
                "--set", "plots=success-figures");
        assertEquals(0, resumed.exitCode(), resumed.output());
        String record = Files.readString(run.resolve("run.json"));
        assertTrue(record.contains("\"status\": \"succeeded\"") && record.contains("\"resumed\": true"), record);
        assertTrue(resumed.output().contains("training: " + MODELS + " models in the grid, " + finished.size()
                + " already finished, " + (MODELS - finished.size()) + " to train"), resumed.output());
        Map<String, MinimaHome.FileState> after = MinimaHome.snapshot(models, ".zip");
        after.keySet().retainAll(finished.keySet());
        assertEquals(finished, after, "the models finished before the interruption are not trained or written again");
        assertEquals(List.of(), MinimaHome.temporaryFiles(run));
        assertTrue(Files.size(run.resolve("figure1.png")) > 0, "the plot added on resume was drawn");
        String log = Files.readString(run.resolve("run.log"));
        assertTrue(log.contains("interrupted; resume it with") && log.contains("resuming run"),
                "run.log keeps both attempts:\n" + log);

        MinimaHome fresh = new MinimaHome(dir.resolve("uninterrupted"));
        fresh.profile("resume", PROFILE);
        MinimaHome.Result uninterrupted = fresh.run("run", "resume");
        assertEquals(0, uninterrupted.exitCode(), uninterrupted.output());
        Path reference = fresh.onlyRunFolder("resume");
        for (String table : List.of("training", "curves", "evaluation", "summary")) {
            assertEquals(withoutTiming(MinimaHome.table(reference, table)), withoutTiming(MinimaHome.table(run, table)),
                    table + ".csv of the resumed run equals the uninterrupted run's");
        }
    }

    @Test
    void anAnalysisWhoseOptionsChangedRunsAgainAndOneWhoseOptionsDidNotIsKept() throws Exception {
        MinimaHome minima = new MinimaHome(dir.resolve("options"));
        minima.profile("base", """
                analyses = baseline
                steps = 1-2
                baseline.boards = 200
                """);
        assertEquals(0, minima.run("run", "base").exitCode());
        Path run = minima.onlyRunFolder("base");
        assertEquals(List.of("200"), MinimaHome.table(run, "baseline").distinct("boards"));
        MinimaHome.Result changed = minima.run("run", "--resume", run.toString(), "--set", "baseline.boards=300");
        assertEquals(0, changed.exitCode(), changed.output());
        assertEquals(List.of("300"), MinimaHome.table(run, "baseline").distinct("boards"),
                "the table drawn from 200 boards is not kept under options that say 300");
        Map<String, MinimaHome.FileState> tables = MinimaHome.snapshot(run, ".csv");
        MinimaHome.Result added = minima.run("run", "--resume", run.toString(), "--set", "plots=baseline-figure");
        assertEquals(0, added.exitCode(), added.output());
        assertTrue(added.output().contains("analysis 'baseline': tables [baseline] already complete, skipped"),
                added.output());
        assertEquals(tables, MinimaHome.snapshot(run, ".csv"),
                "the analysis made with the same options is not run again");
        assertTrue(Files.size(run.resolve("baseline.png")) > 0, "a plot added on resume draws the kept table");
    }

    @Test
    void anAnalysisIsRunAgainWhenATableItReadChangedAndKeptWhileNoneDid() throws Exception {
        MinimaHome minima = new MinimaHome(dir.resolve("inputs"));
        minima.profile("walked", MinimaHome.TINY_TRAINING + """
                train.batches = 100
                train.seeds = 1
                solutions = exact
                probes = straight-walk
                straight-walk.boards = 50
                straight-walk.points = 4
                analyses = walk-summary
                """);
        assertEquals(0, minima.run("run", "walked").exitCode());
        Path run = minima.onlyRunFolder("walked");
        Map<String, MinimaHome.FileState> summaries = MinimaHome.snapshot(run, "walk_summary.csv");

        MinimaHome.Result same = minima.run("run", "--resume", run.toString());
        assertEquals(0, same.exitCode(), same.output());
        assertTrue(same.output().contains("analysis 'walk-summary': tables [walk_barriers, walk_summary] already "
                + "complete, skipped"), same.output());

        MinimaHome.Result walkedAgain = minima.run("run", "--resume", run.toString(), "--set",
                "straight-walk.boards=80");
        assertEquals(0, walkedAgain.exitCode(), walkedAgain.output());
        assertFalse(walkedAgain.output().contains("'walk-summary': tables"), "the walks changed under the "
                + "analysis, so it runs again:\n" + walkedAgain.output());
        assertNotEquals(summaries, MinimaHome.snapshot(run, "walk_summary.csv"),
                "the summary is made from the new walks");
    }

    /** Starts the profile, sends SIGTERM once the first model is finished, and returns the run folder. */
    private static Path terminateDuringTraining(MinimaHome minima) throws Exception {
        Path log = minima.home().resolve("terminated.txt");
        Process process = minima.start(log, "run", "resume");
        MinimaHome.awaitLog(log, "training: model 1/", process);
        process.destroy();
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "the JVM exits after SIGTERM");
        String output = Files.readString(log);
        // 130 is the launcher's own code for an interruption; the JVM reports SIGTERM as 128 + 15
        assertTrue(Set.of(130, 143).contains(process.exitValue()), "exit " + process.exitValue() + "\n" + output);
        Path run = minima.onlyRunFolder("resume");
        String record = Files.readString(run.resolve("run.json"));
        assertTrue(record.contains("\"status\": \"interrupted\""), record + "\n" + output);
        assertEquals(List.of(), MinimaHome.temporaryFiles(run), output);
        for (String table : List.of("training.csv", "curves.csv", "evaluation.csv", "summary.csv")) {
            assertFalse(Files.exists(run.resolve(table)), table + " is not written by an interrupted training");
        }
        return run;
    }

    /** A changed train.batches is named and refused, and the refusal leaves the run folder as it was. */
    private static void assertRefusesAResultChangingKey(MinimaHome minima, Path run) throws Exception {
        Map<String, MinimaHome.FileState> before = MinimaHome.snapshot(run, "");
        MinimaHome.Result refused = minima.run("run", "--resume", run.toString(), "--set", "train.batches=100",
                "--set", "run.threads=1");
        assertEquals(2, refused.exitCode(), refused.output());
        assertTrue(refused.output().contains("'train.batches' is '100' here but '300' in the run"), refused.output());
        assertFalse(refused.output().contains("run.threads"), "run.threads may differ: " + refused.output());
        assertEquals(before, MinimaHome.snapshot(run, ""), "a refused resume changes nothing in the run folder");
    }

    private static Table withoutTiming(Table table) {
        List<String> kept = table.columns().stream().filter(c -> !TIMING_COLUMNS.contains(c)).toList();
        Table.Builder builder = Table.builder(table.name(), kept);
        for (int row = 0; row < table.rows().size(); row++) {
            Object[] values = new Object[kept.size()];
            for (int column = 0; column < kept.size(); column++) {
                values[column] = table.text(row, kept.get(column));
            }
            builder.row(values);
        }
        return builder.build();
    }
}
