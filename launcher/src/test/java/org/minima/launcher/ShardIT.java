package org.minima.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.minima.api.Table;

/**
 * A small study run as three shards in separate processes into one folder, merged, against the same study run whole;
 * a merge with a shard missing (two processes given one shard: {@link WritersIT}).
 */
class ShardIT {

    static final String PROFILE = MinimaHome.TINY_TRAINING.replace("steps = 1\n", "steps = 1, 2\n") + """
            train.batches = 60
            train.seeds = 1-2
            solutions = exact
            probes = straight-walk
            straight-walk.points = 4
            straight-walk.boards = 64
            plots = success-figures
            """;
    static final List<String> TABLES = List.of("training", "curves", "evaluation", "summary", "straight_walk");
    private static final Set<String> TIMING = Set.of("seconds", "samples_per_s");

    @TempDir
    Path dir;

    @Test
    void threeShardsMergedGiveTheTablesOfTheWholeRunAndAMissingShardIsNamed() throws Exception {
        MinimaHome minima = new MinimaHome(dir);
        minima.profile("tiny", PROFILE);
        MinimaHome.Result whole = minima.run("run", "tiny");
        assertEquals(0, whole.exitCode(), whole.output());
        Path wholeRun = minima.onlyRunFolder("tiny");

        List<Process> shards = new ArrayList<>();
        for (int index : List.of(0, 2)) {
            shards.add(minima.start(dir.resolve("shard" + index + ".txt"), "run", "tiny", "--shard", index + "/3",
                    "--run-id", "sharded"));
        }
        for (Process shard : shards) {
            assertTrue(shard.waitFor(5, TimeUnit.MINUTES));
            assertEquals(0, shard.exitValue(), Files.readString(dir.resolve("shard0.txt")));
        }
        Path sharded = minima.home().resolve("results").resolve("tiny").resolve("sharded");

        MinimaHome.Result incomplete = minima.run("merge", sharded.toString());
        assertEquals(1, incomplete.exitCode(), incomplete.output());
        assertTrue(incomplete.output().contains("shard 1/3 (never started) lacks"), incomplete.output());
        assertTrue(incomplete.output().contains("von-neumann-dead-p0.5-n") && incomplete.output().contains(
                "(model, evaluation, probe straight-walk)"), "the missing units are named: " + incomplete.output());
        assertTrue(incomplete.output().contains("redo it with: ./minima run tiny --shard 1/3 --run-id sharded"),
                incomplete.output());
        assertFalse(Files.exists(sharded.resolve("training.csv")), "nothing is merged");

        MinimaHome.Result last = minima.run("run", "tiny", "--shard", "1/3", "--run-id", "sharded");
        assertEquals(0, last.exitCode(), last.output());
        assertFalse(last.output().contains("straight_walk.csv"), "a shard writes no run table: " + last.output());

        MinimaHome.Result merged = minima.run("merge", sharded.toString());
        assertEquals(0, merged.exitCode(), merged.output());
        assertTrue(merged.output().contains("training: 8 models in the grid, 8 already finished, 0 to train"),
                merged.output());
        for (String table : TABLES) {
            assertEquals(withoutTiming(MinimaHome.table(wholeRun, table)),
                    withoutTiming(MinimaHome.table(sharded, table)), table + ".csv");
        }
        assertTrue(Files.size(sharded.resolve("figure2.png")) > 0);
        String record = Files.readString(sharded.resolve("run.json"));
        assertTrue(record.contains("\"0-of-3.json\"") && record.contains("minima merge"), record);
    }

    static List<List<String>> withoutTiming(Table table) {
        List<List<String>> rows = new ArrayList<>();
        List<String> columns = table.columns();
        rows.add(columns.stream().filter(c -> !TIMING.contains(c)).toList());
        for (int row = 0; row < table.rows().size(); row++) {
            List<String> values = new ArrayList<>();
            for (String column : columns) {
                if (!TIMING.contains(column)) {
                    values.add(table.text(row, column));
                }
            }
            rows.add(values);
        }
        return rows;
    }
}
