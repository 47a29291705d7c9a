package org.minima.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Slurm recipe of docs/cluster.md on a real single-node Slurm (Debian's slurm-wlm and munge, started by
 * {@code .ci/slurm-up}): the documented array script runs a small profile as 3 shards, the documented merge script
 * merges them, and the tables equal those of the profile run whole. Where Slurm is not running the test is skipped,
 * saying how to start it, except in CI ({@code CI=true}), where it must run.
 */
class SlurmIT {

    private static final Path DOCS = Path.of("..", "docs", "cluster").toAbsolutePath().normalize();
    private static final long MINUTES = 10;

    @TempDir
    Path dir;

    @Test
    void theDocumentedArrayScriptRunsThreeShardsAndTheMergeEqualsTheWholeRun() throws Exception {
        requireSlurm();
        MinimaHome minima = new MinimaHome(dir);
        minima.profile("tiny", ShardIT.PROFILE);
        MinimaHome.Result whole = minima.run("run", "tiny");
        assertEquals(0, whole.exitCode(), whole.output());
        Path wholeRun = minima.onlyRunFolder("tiny");
        minima.script();

        Result array = sbatch(minima.home(), "--array=0-2", "--cpus-per-task=1",
                DOCS.resolve("minima-array.sbatch").toString(), "tiny", "slurm-it");
        assertEquals(0, array.exitCode(), array.output() + outputs(minima.home()));
        Result merge = sbatch(minima.home(), "--cpus-per-task=1", DOCS.resolve("minima-merge.sbatch").toString(),
                "results/tiny/slurm-it");
        assertEquals(0, merge.exitCode(), merge.output() + outputs(minima.home()));

        Path sharded = minima.home().resolve("results").resolve("tiny").resolve("slurm-it");
        for (int index = 0; index < 3; index++) {
            assertTrue(Files.readString(sharded.resolve("shards").resolve(index + "-of-3.json"))
                    .contains("\"status\": \"succeeded\""), "shard " + index + " ran under Slurm");
        }
        for (String table : ShardIT.TABLES) {
            assertEquals(ShardIT.withoutTiming(MinimaHome.table(wholeRun, table)),
                    ShardIT.withoutTiming(MinimaHome.table(sharded, table)), table + ".csv");
        }
    }

    private static void requireSlurm() throws Exception {
        Result info = command(Path.of("."), List.of("sinfo", "-h", "-o", "%T"));
        boolean up = info.exitCode() == 0 && info.output().matches("(?s).*(idle|mixed|allocated).*");
        String why = "no Slurm node is up here (" + info.output().trim() + "): start one with sudo .ci/slurm-up, "
                + "then mvn -B verify -pl launcher -Dit.test=SlurmIT";
        if ("true".equals(System.getenv("CI"))) {
            assertTrue(up, why + "; .ci/run starts it before the tests");
        }
        Assumptions.assumeTrue(up, why);
    }

    private static Result sbatch(Path home, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("sbatch", "--wait", "--chdir=" + home,
                "--export=ALL,MINIMA_HOME=" + home));
        command.addAll(List.of(args));
        return command(home, command);
    }

    private static String outputs(Path home) throws IOException {
        StringBuilder text = new StringBuilder();
        try (Stream<Path> files = Files.list(home)) {
            for (Path file : files.filter(f -> f.getFileName().toString().endsWith(".out")).sorted().toList()) {
                text.append("\n--- ").append(file.getFileName()).append('\n').append(Files.readString(file));
            }
        }
        return text.toString();
    }

    private record Result(int exitCode, String output) {
    }

    private static Result command(Path workingDir, List<String> command) throws Exception {
        Process process;
        try {
            process = new ProcessBuilder(command).directory(workingDir.toFile()).redirectErrorStream(true).start();
        } catch (IOException notInstalled) {
            return new Result(127, notInstalled.getMessage());
        }
        if (!process.waitFor(MINUTES, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new AssertionError(String.join(" ", command) + " did not finish in " + MINUTES + " minutes");
        }
        return new Result(process.exitValue(), new String(process.getInputStream().readAllBytes(),
                StandardCharsets.UTF_8));
    }
}
