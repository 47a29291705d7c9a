package org.minima.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Key run.blas through the real distribution: each choice is the library the process has mapped (as the launcher
 * reads it from the process, recorded in run.json), the default is MKL here, and a bad value or MKL where its library
 * is missing is refused before any work.
 */
class BlasIT {

    private static final String PROFILE = MinimaHome.TINY_TRAINING + "train.batches = 20\ntrain.seeds = 1\n";

    @TempDir
    Path dir;

    @Test
    void eachChoiceIsTheLibraryInUseAndIsRecorded() throws Exception {
        MinimaHome minima = new MinimaHome(dir);
        minima.profile("tiny", PROFILE);
        for (String blas : List.of("openblas", "mkl", "auto")) {
            MinimaHome.Result run = minima.run("run", "tiny", "--set", "run.blas=" + blas);
            assertEquals(0, run.exitCode(), run.output());
            String used = blas.equals("auto") ? "mkl" : blas;
            assertTrue(run.output().contains("BLAS: " + used + " (run.blas = " + blas + ")"), run.output());
            List<Path> folders = minima.runFolders("tiny");
            Map<?, ?> record = new ObjectMapper().readValue(folders.get(folders.size() - 1).resolve("run.json")
                    .toFile(), Map.class);
            assertEquals(used, ((Map<?, ?>) record.get("host")).get("blas"), "run.json records the library");
        }
    }

    @Test
    void aBadValueOrMissingMklIsRefusedBeforeAnyWork() throws Exception {
        MinimaHome minima = new MinimaHome(dir);
        minima.profile("tiny", PROFILE);
        MinimaHome.Result bogus = minima.run("run", "tiny", "--set", "run.blas=atlas");
        assertEquals(2, bogus.exitCode(), bogus.output());
        assertTrue(bogus.output().contains("key 'run.blas' is 'atlas'; allowed: auto, mkl, openblas"),
                bogus.output());

        Path dist = Path.of(System.getProperty("minima.dist", "target/minima")).toAbsolutePath();
        Path withoutMkl = dir.resolve("dist");
        copyWithoutMkl(dist, withoutMkl);
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "--add-modules", "jdk.incubator.vector", "-Dminima.home=" + minima.home(), "-jar", withoutMkl.resolve("minima.jar").toString(),
                "run", "tiny", "--set", "run.blas=mkl"));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        assertTrue(process.waitFor(2, TimeUnit.MINUTES));
        assertEquals(2, process.exitValue(), output);
        assertTrue(output.contains("key 'run.blas' is 'mkl', but MKL cannot be loaded here"), output);
        assertTrue(minima.runFolders("tiny").isEmpty(), "nothing was run");
    }

    private static void copyWithoutMkl(Path from, Path to) throws Exception {
        // the launcher jar itself is copied: the JVM resolves its Class-Path beside the real file
        try (Stream<Path> files = Files.walk(from)) {
            for (Path file : files.toList()) {
                Path target = to.resolve(from.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else if (file.getFileName().toString().equals("minima.jar")) {
                    Files.copy(file, target);
                } else if (!file.getFileName().toString().startsWith("mkl-")) {
                    Files.createSymbolicLink(target, file);
                }
            }
        }
    }
}
