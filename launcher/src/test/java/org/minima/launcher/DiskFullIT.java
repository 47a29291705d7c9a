package org.minima.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.minima.launcher.folder.RunFolder;

/**
 * A run whose results/ is a small tmpfs that fills up mid-training (a real ENOSPC): it stops with exit 2 naming the
 * folder that filled and how to finish, leaves no temporary or empty file, and resumes to every model once space is
 * freed. Needs root to mount the tmpfs (CI runs as root); elsewhere it is skipped, saying why.
 */
class DiskFullIT {

    private static final int MODELS = 8;
    private static final String PROFILE = MinimaHome.TINY_TRAINING + """
            train.batches = 1500
            train.batch-size = 64
            train.seeds = 1-4
            run.threads = 1
            """;

    @TempDir
    Path dir;

    @Test
    void aFullDiskStopsTheRunWithExit2NamingTheFolderAndTheResumeFinishesIt() throws Exception {
        MinimaHome minima = new MinimaHome(dir);
        minima.profile("full", PROFILE);
        Path results = Files.createDirectories(minima.home().resolve("results"));
        Assumptions.assumeTrue(mount(results), "DiskFullIT skipped: mounting a tmpfs needs root (CI runs as root)");
        try {
            Path log = dir.resolve("full.txt");
            Process run = minima.start(log, "run", "full");
            MinimaHome.awaitLog(log, "training: model 1/", run);
            fill(results.resolve("filler"));
            assertTrue(run.waitFor(2, TimeUnit.MINUTES), "the run stops on the full disk");
            String output = Files.readString(log);
            Path folder = minima.onlyRunFolder("full");
            assertEquals(2, run.exitValue(), output);
            assertTrue(output.contains("the disk holding " + folder + " is full (No space left on device")
                    && output.contains("free space there (df -h " + folder + "), then finish the run with "
                    + "./minima run --resume " + folder), output);
            assertTrue(output.contains("models left to train need about "), "the space still needed: " + output);
            System.out.println(output.lines().filter(line -> line.contains("is full")).findFirst().orElseThrow());
            assertEquals(List.of(), MinimaHome.temporaryFiles(folder), output);
            assertEquals(List.of(), emptyFiles(folder), "no empty file is left: " + output);

            Files.delete(results.resolve("filler"));
            MinimaHome.Result resumed = minima.run("run", "--resume", folder.toString());
            assertEquals(0, resumed.exitCode(), resumed.output());
            assertEquals(MODELS, MinimaHome.table(folder, RunFolder.TRAINING_TABLE).rows().size(),
                    resumed.output());
        } finally {
            new ProcessBuilder("umount", "-l", results.toString()).inheritIO().start().waitFor();
        }
    }

    private static boolean mount(Path dir) throws IOException, InterruptedException {
        Process mount = new ProcessBuilder("mount", "-t", "tmpfs", "-o", "size=16m", "tmpfs", dir.toString())
                .redirectErrorStream(true).start();
        String output = new String(mount.getInputStream().readAllBytes());
        boolean mounted = mount.waitFor() == 0;
        if (!mounted) {
            System.out.println("DiskFullIT: mount -t tmpfs failed: " + output.strip());
        }
        return mounted;
    }

    /** Writes {@code file} until the file system is full. */
    private static void fill(Path file) throws IOException {
        byte[] block = new byte[1 << 16];
        try (OutputStream out = Files.newOutputStream(file)) {
            while (true) {
                out.write(block);
            }
        } catch (IOException e) {
            if (!String.valueOf(e.getMessage()).contains("No space left on device")) {
                throw e;
            }
        }
    }

    private static List<String> emptyFiles(Path folder) throws IOException {
        List<String> empty = new ArrayList<>();
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                if (Files.size(file) == 0) {
                    empty.add(folder.relativize(file).toString());
                }
            }
        }
        return empty;
    }
}
