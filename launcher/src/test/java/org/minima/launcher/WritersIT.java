package org.minima.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.minima.api.Table;

/**
 * Two real processes started half a second apart on one run folder, or on one shard of it: the second to reach the
 * folder is refused with exit 2, naming the first by its pid, and the first's tables hold every model once; a
 * folder in serve mode refuses another writer the same way.
 */
class WritersIT {

    private static final int MODELS = 8;
    /** Long enough per model that the second process reaches the lock while the first still trains. */
    private static final String PROFILE = MinimaHome.TINY_TRAINING + """
            train.batches = 2000
            train.batch-size = 64
            train.seeds = 1-4
            run.threads = 1
            """;

    @TempDir
    Path dir;

    @Test
    void twoResumesOfOneFolderRaceAndTheSecondIsRefusedNamingTheFirst() throws Exception {
        MinimaHome minima = new MinimaHome(dir);
        minima.profile("race", PROFILE);
        Path log = dir.resolve("first.txt");
        Process first = minima.start(log, "run", "race");
        MinimaHome.awaitLog(log, "training: model 1/", first);
        first.destroy();
        assertTrue(first.waitFor(60, TimeUnit.SECONDS), "the JVM exits after SIGTERM");
        Path run = minima.onlyRunFolder("race");

        List<Racer> racers = race(minima, "resume", "run", "--resume", run.toString());
        String refusal = assertOneWonAndTheOtherNamedIt(racers, "run folder " + run);
        assertTrue(refusal.contains("./minima run --resume " + run), "the holder's command is named: " + refusal);
        Table training = MinimaHome.table(run, "training");
        Set<String> models = new HashSet<>();
        for (int row = 0; row < training.rows().size(); row++) {
            models.add(training.text(row, "model"));
        }
        assertEquals(MODELS, training.rows().size(), "no row lost or doubled");
        assertEquals(MODELS, models.size(), "every model once");
    }

    @Test
    void twoProcessesGivenTheSameShardRaceAndTheSecondIsRefusedNamingTheFirst() throws Exception {
        MinimaHome minima = new MinimaHome(dir);
        minima.profile("race", PROFILE);
        List<Racer> racers = race(minima, "shard", "run", "race", "--shard", "0/2", "--run-id", "raced");
        Path shared = minima.home().resolve("results").resolve("race").resolve("raced");
        assertOneWonAndTheOtherNamedIt(racers, "shard 0/2 of " + shared);
    }

    @Test
    void aRunFolderInServeModeRefusesAResumeNamingTheServer() throws Exception {
        MinimaHome minima = new MinimaHome(dir);
        minima.profile("race", PROFILE.replace("train.batches = 2000", "train.batches = 50")
                .replace("train.seeds = 1-4", "train.seeds = 1"));
        MinimaHome.Result trained = minima.run("run", "race");
        assertEquals(0, trained.exitCode(), trained.output());
        Path run = minima.onlyRunFolder("race");
        Path log = dir.resolve("serve.txt");
        Process serve = minima.start(log, "serve", run.toString(), "--no-shell");
        try {
            MinimaHome.awaitLog(log, "serving " + run, serve);
            MinimaHome.Result probed = minima.run("run", "--resume", run.toString());
            assertEquals(2, probed.exitCode(), probed.output());
            assertTrue(probed.output().contains("run folder " + run + " is being written by another process (pid "
                    + serve.pid() + " on ") && probed.output().contains("./minima serve " + run), probed.output());
        } finally {
            serve.destroy();
            serve.waitFor(1, TimeUnit.MINUTES);
        }
    }

    /** A process of a race and the file its output went to. */
    private record Racer(Process process, Path log) {

        String output() throws Exception {
            return Files.readString(log);
        }
    }

    /** Starts {@code args} twice, half a second apart, and waits for both. */
    private List<Racer> race(MinimaHome minima, String name, String... args) throws Exception {
        List<Racer> racers = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            Path log = dir.resolve(name + i + ".txt");
            racers.add(new Racer(minima.start(log, args), log));
            Thread.sleep(500);
        }
        for (Racer racer : racers) {
            assertTrue(racer.process().waitFor(5, TimeUnit.MINUTES), "both processes end");
        }
        return racers;
    }

    /** Asserts one racer exited 0 and the other 2 naming {@code what} and the winner's pid; returns the refusal. */
    private static String assertOneWonAndTheOtherNamedIt(List<Racer> racers, String what) throws Exception {
        List<Integer> codes = racers.stream().map(r -> r.process().exitValue()).sorted().toList();
        assertEquals(List.of(0, 2), codes, racers.get(0).output() + "\n---\n" + racers.get(1).output());
        Racer loser = racers.get(0).process().exitValue() == 2 ? racers.get(0) : racers.get(1);
        Racer winner = racers.get(loser == racers.get(0) ? 1 : 0);
        String refusal = loser.output();
        assertTrue(refusal.contains(what + " is being written by another process (pid " + winner.process().pid()
                + " on "), refusal);
        return refusal;
    }
}
