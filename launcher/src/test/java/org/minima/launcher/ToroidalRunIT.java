package org.minima.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.minima.api.Table;

/**
 * A toroidal study means what it says: Firner's networks, with circular padding, learn one step of the toroidal game
 * on 10×10 tori and get every 5×5 torus of the evaluation right, the model files record the padding, and a walk
 * ends at an exact solution that is exact on the toroidal boards (a zero-padded probe would miss their edges).
 */
class ToroidalRunIT {

    @TempDir
    Path dir;

    @Test
    void aOneStepNetworkOfWidthFiveLearnsTheToroidalGame() throws Exception {
        MinimaHome minima = new MinimaHome(dir);
        minima.profile("firner", Files.readString(Path.of("..", "config", "firner.properties")));
        MinimaHome.Result result = minima.run("run", "firner", "--set", "data.boundary=toroidal", "--set", "steps=1",
                "--set", "model.width=5", "--set", "train.seeds=1", "--set", "train.batches=3000", "--set",
                "analyses=", "--set", "plots=");
        assertEquals(0, result.exitCode(), result.output());
        Path run = minima.onlyRunFolder("firner");
        Table evaluation = MinimaHome.table(run, "evaluation").where("size", "5x5"::equals);
        assertEquals(List.of("toroidal"), evaluation.distinct("boundary"));
        assertEquals(1, evaluation.number(0, "success"), result.output());
        try (Stream<Path> files = Files.list(run.resolve("models"))) {
            for (Path model : files.filter(f -> f.toString().endsWith(".zip")).toList()) {
                assertTrue(spec(model).contains("padding=circular"), model + ": " + spec(model));
            }
        }
        MinimaHome.Result probed = minima.run("probe", run.toString(), "straight-walk", "--set", "solutions=exact",
                "--set", "straight-walk.points=3", "--set", "straight-walk.boards=200");
        assertEquals(0, probed.exitCode(), probed.output());
        Table end = MinimaHome.table(run, "straight_walk").where("alpha", "1.0"::equals);
        assertEquals(1, end.rows().size(), probed.output());
        assertEquals(1, end.number(0, "board_exact"), "the exact end point gets every toroidal board right");
        assertTrue(end.number(0, "loss") < 1e-3, "its loss: " + end.number(0, "loss"));
    }

    /** The model spec a Minima model file carries besides DL4J's configuration. */
    private static String spec(Path model) throws IOException {
        try (ZipFile zip = new ZipFile(model.toFile())) {
            ZipEntry entry = zip.stream().filter(e -> e.getName().contains("minima-model-spec")).findFirst()
                    .orElseThrow(() -> new AssertionError(model + " has no model spec"));
            try (InputStream in = zip.getInputStream(entry)) {
                return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
            }
        }
    }
}
