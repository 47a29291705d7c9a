package org.minima.launcher;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Damaged files in a finished run folder — a model that is not a model, a table cut mid-row, a record that is not
 * JSON, a model's probe rows of the wrong columns — are named with what is wrong by {@code run --resume},
 * {@code probe} and {@code report}, which exit 2 and leave the file as it was; {@code --redo-damaged} moves them into
 * damaged/ and redoes their work, back to the tables of the undamaged run.
 */
class DamagedFilesIT {

    private static final String MODEL = "von-neumann-dead-p0.5-n1-m1-pytorch-default-s1";
    private static final String OTHER = "von-neumann-dead-p0.5-n1-m2-pytorch-default-s2";

    @TempDir
    Path dir;

    @Test
    void damagedFilesAreNamedWithExit2AndRedoDamagedRedoesTheirWork() throws Exception {
        MinimaHome minima = new MinimaHome(dir);
        minima.profile("tiny", ShardIT.PROFILE.replace("steps = 1, 2\n", "steps = 1\n"));
        MinimaHome.Result trained = minima.run("run", "tiny");
        assertEquals(0, trained.exitCode(), trained.output());
        Path run = minima.onlyRunFolder("tiny");
        String walks = Files.readString(run.resolve("straight_walk.csv"));
        String training = Files.readString(run.resolve("training.csv"));
        Path before = Files.createDirectories(dir.resolve("before"));
        Files.copy(run.resolve("training.csv"), before.resolve("training.csv"));
        Path rows;
        try (Stream<Path> keys = Files.list(run.resolve("probes").resolve("straight-walk"))) {
            rows = keys.filter(Files::isDirectory).findFirst().orElseThrow().resolve(OTHER + ".csv");
        }

        Path model = run.resolve("models").resolve(MODEL + ".zip");
        byte[] garbage = "not a model".getBytes(StandardCharsets.UTF_8);
        Files.write(model, garbage);
        MinimaHome.Result resumed = minima.run("run", "--resume", run.toString());
        assertDamaged(resumed, model + " is damaged: it does not load as a model");
        assertTrue(resumed.output().contains("--redo-damaged"), "the way out is named: " + resumed.output());
        assertArrayEquals(garbage, Files.readAllBytes(model), "the damaged file is left as it was");
        MinimaHome.Result probed = minima.run("probe", run.toString(), "straight-walk");
        assertDamaged(probed, "skipping a model: " + model + " is damaged");
        assertTrue(probed.output().contains("1 model(s) could not be loaded and were skipped (named above); the 3 "
                + "others were probed"), probed.output());

        String rowsBefore = Files.readString(rows);
        Files.writeString(rows, "a,b\n1,2\n");

        Path cut = run.resolve("training.csv");
        Files.writeString(cut, training.substring(0, training.indexOf('\n', training.indexOf('\n') + 1) - 20));
        assertDamaged(minima.run("report", run.toString()), cut + " is damaged: line 2 has ");
        Files.writeString(cut, training);

        Path record = run.resolve("run.json");
        String json = Files.readString(record);
        Files.writeString(record, "{not json");
        assertDamaged(minima.run("report", run.toString()), record + " is damaged: not a JSON object");
        Files.writeString(record, json);

        MinimaHome.Result redone = minima.run("run", "--resume", run.toString(), "--redo-damaged");
        assertEquals(0, redone.exitCode(), redone.output());
        assertTrue(redone.output().contains("1 to train") && redone.output().contains("1 to probe"),
                "only the damaged work is done again: " + redone.output());
        Path kept = run.resolve("damaged");
        assertArrayEquals(garbage, Files.readAllBytes(kept.resolve("models").resolve(MODEL + ".zip")));
        assertEquals("a,b\n1,2\n", Files.readString(kept.resolve(run.relativize(rows))));
        assertEquals(rowsBefore, Files.readString(rows), "the model's rows are computed again, the same");
        assertEquals(walks, Files.readString(run.resolve("straight_walk.csv")));
        assertEquals(ShardIT.withoutTiming(MinimaHome.table(before, "training")),
                ShardIT.withoutTiming(MinimaHome.table(run, "training")), "the model is trained again, the same");
    }

    private static void assertDamaged(MinimaHome.Result result, String message) {
        assertEquals(2, result.exitCode(), result.output());
        assertTrue(result.output().contains(message), result.output());
    }
}
