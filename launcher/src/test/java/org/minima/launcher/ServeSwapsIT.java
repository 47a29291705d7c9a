package org.minima.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.minima.api.Table;
import org.minima.launcher.folder.CsvTables;
import org.minima.launcher.folder.RunFolder;
import org.minima.launcher.framework.Distribution;
import org.minima.launcher.serve.Server;

/**
 * A probe jar in deploy/ replaced 100 times through FileInstall while serve mode works on a trained run, alternating
 * two versions (each jar of new bytes, so each swap has work to do), every third jar a slow one replaced while its
 * probe is still running: threads, loaded classes and the heap after a full GC come back to their level after
 * the first swaps (the series are printed), every rows folder holds rows of its own version only, and the run's
 * table at the end is the last version's.
 */
class ServeSwapsIT {

    private static final int SWAPS = 100;
    private static final int WARM_UP = 10;
    private static final int MODELS = 4;
    private static final Duration WAIT = Duration.ofMinutes(1);

    @TempDir
    Path dir;

    @Test
    void aHundredSwapsThroughDeployLeakNothingAndKeepTheVersionsApart() throws Exception {
        MinimaHome minima = new MinimaHome(dir);
        minima.profile("swaps", MinimaHome.TINY_TRAINING + "train.batches = 50\ntrain.seeds = 1-2\nrun.threads = 1\n");
        MinimaHome.Result trained = minima.run("run", "swaps");
        assertEquals(0, trained.exitCode(), trained.output());
        Path run = minima.onlyRunFolder("swaps");
        Path deploy = Files.createDirectories(minima.home().resolve("deploy"));
        Path rows = run.resolve(RunFolder.PROBES).resolve("swapped");
        Server server = new Server(new Distribution(Path.of(System.getProperty("minima.dist", "target/minima"))
                .toAbsolutePath(), minima.home()), RunFolder.reopen(run), Duration.ofMinutes(2), false);
        Thread serving = new Thread(() -> {
            try {
                server.serve();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }, "serve-under-test");
        serving.start();
        List<String> series = new ArrayList<>();
        long[] first = null;
        long[] last = null;
        String version = "";
        try {
            Set<Path> seen = new LinkedHashSet<>();
            for (int swap = 0; swap < SWAPS; swap++) {
                version = swap % 2 == 0 ? "1.0.0" : "2.0.0";
                boolean midProbe = swap % 3 == 2 && swap != SWAPS - 1;
                TestBundles.scriptedProbe(deploy.resolve("swapped.jar"), "swapped", midProbe ? "slow" : "paced",
                        version, TestBundles.PROBE_IMPORTS, Map.of("Minima-Swap", String.valueOf(swap)));
                Path folder = awaitNewFolder(rows, seen);
                if (!midProbe) {
                    awaitRows(folder, MODELS);
                }
                if (swap == WARM_UP - 1 || swap % 30 == 29 || swap == SWAPS - 1) {
                    long[] level = level();
                    series.add("after swap " + (swap + 1) + ": threads " + level[0] + ", loaded classes " + level[1]
                            + ", heap after GC " + level[2] / 1_000_000 + " MB");
                    first = first == null ? level : first;
                    last = level;
                }
            }
        } finally {
            server.stop();
            serving.join(TimeUnit.MINUTES.toMillis(1));
        }
        System.out.println("ServeSwapsIT, " + SWAPS + " swaps:\n  " + String.join("\n  ", series));
        assertTrue(last[0] <= first[0] + 2, "threads: " + series);
        assertTrue(last[1] <= first[1] + 40, "loaded classes: " + series);
        assertTrue(last[2] <= first[2] + 32_000_000, "heap after a full GC: " + series);
        assertEquals(SWAPS / 3, assertEachFolderHoldsItsOwnVersion(rows), "the probes a swap stopped mid-work");
        Table table = MinimaHome.table(run, "swapped");
        assertEquals(MODELS, table.rows().size(), "the run's table has every model");
        assertEquals(List.of(version), table.distinct("bundle_version"), "the run's table is the last version's");
    }

    /** The rows folder the swap's jar made, once its probe has started. */
    private static Path awaitNewFolder(Path rows, Set<Path> seen) throws Exception {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            if (Files.isDirectory(rows)) {
                try (Stream<Path> folders = Files.list(rows)) {
                    for (Path folder : folders.filter(Files::isDirectory).toList()) {
                        if (seen.add(folder)) {
                            return folder;
                        }
                    }
                }
            }
            Thread.sleep(20);
        }
        throw new AssertionError("no new rows folder in " + rows + " after a swap");
    }

    private static void awaitRows(Path folder, int models) throws Exception {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (modelRows(folder).size() < models) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(folder + " never got the rows of " + models + " models");
            }
            Thread.sleep(20);
        }
    }

    private static List<Path> modelRows(Path folder) throws Exception {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(f -> f.getFileName().toString().startsWith("von-neumann-")).toList();
        }
    }

    /** Threads, loaded classes and used heap after a full GC, once the framework is idle. */
    private static long[] level() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(200);
        }
        return new long[] {ManagementFactory.getThreadMXBean().getThreadCount(),
                ManagementFactory.getClassLoadingMXBean().getLoadedClassCount(),
                ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed()};
    }

    /** Asserts every rows folder holds rows of its own version only; returns how many folders are incomplete. */
    private static int assertEachFolderHoldsItsOwnVersion(Path rows) throws Exception {
        int incomplete = 0;
        try (Stream<Path> folders = Files.list(rows)) {
            for (Path folder : folders.filter(Files::isDirectory).toList()) {
                incomplete += modelRows(folder).size() < MODELS ? 1 : 0;
                String version = folder.getFileName().toString().split("-")[0];
                for (Path file : modelRows(folder)) {
                    assertEquals(List.of(version), CsvTables.read("rows", file).distinct("bundle_version"),
                            file.toString());
                }
            }
        }
        return incomplete;
    }
}
