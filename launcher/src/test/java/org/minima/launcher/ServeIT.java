package org.minima.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.minima.api.Table;
import org.minima.api.model.Activation;
import org.minima.api.model.ModelSpec;
import org.minima.arch.FirnerModel;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Serve mode as a researcher uses it: one {@code minima serve} process on a trained run folder, bundles dropped into,
 * replaced in and deleted from deploy/ while it runs, and its Gogo shell.
 */
class ServeIT {

    private static final String IMPORTS = TestBundles.PROBE_IMPORTS;
    private static final String PROFILE = MinimaHome.TINY_TRAINING + "train.batches = 40\ntrain.seeds = 1\n";

    @TempDir
    Path dir;

    private Path trainedRun(MinimaHome minima) throws Exception {
        minima.profile("tiny", PROFILE);
        MinimaHome.Result trained = minima.run("run", "tiny");
        assertEquals(0, trained.exitCode(), trained.output());
        return minima.onlyRunFolder("tiny");
    }

    @Test
    void bundlesComeReplaceAndGoWhileOneFrameworkServesTheRunAndFailuresStayContained() throws Exception {
        MinimaHome minima = new MinimaHome(dir);
        Path run = trainedRun(minima);
        Path deploy = minima.home().resolve("deploy");
        Path log = dir.resolve("serve.txt");
        Process serve = minima.start(log, "serve", run.toString(), "--no-shell", "--timeout", "5");
        try {
            MinimaHome.awaitLog(log, "serving " + run, serve);
            Path jar = TestBundles.scriptedProbe(deploy.resolve("counting.jar"), "counting", "rows", "1.0.0", IMPORTS);
            awaitRows(run, "1.0.0", 1, log, serve);

            Files.writeString(deploy.resolve("minima-counting.cfg"), "scale = 2\n");
            awaitRows(run, "1.0.0", 2, log, serve);

            TestBundles.scriptedProbe(jar, "counting", "rows", "2.0.0", IMPORTS);
            awaitRows(run, "2.0.0", 2, log, serve);
            assertTrue(Files.readString(log).contains("deploy: updated bundle org.minima.it.counting 2.0.0"));
            assertEquals(List.of("1.0.0", "1.0.0", "2.0.0"), keys(run).stream().map(k -> k.split("-")[0]).toList(),
                    "both option sets of 1.0.0 and the rows of 2.0.0 are kept apart: " + keys(run));

            TestBundles.scriptedProbe(deploy.resolve("throwing.jar"), "throwing", "throw", "1.0.0", IMPORTS);
            TestBundles.scriptedProbe(deploy.resolve("hanging.jar"), "hanging", "hang", "1.0.0", IMPORTS);
            TestBundles.scriptedProbe(deploy.resolve("unresolvable.jar"), "unresolvable", "rows", "1.0.0",
                    IMPORTS + ",org.apache.commons.math3.stat;version=\"[9.0,10)\"");
            MinimaHome.awaitLog(log, "probe 'throwing' of bundle org.minima.it.throwing 1.0.0", serve);
            awaitCount(log, "probe 'throwing' of bundle org.minima.it.throwing 1.0.0", "failed: probe 'throwing' "
                    + "failed on model von-neumann-dead-p0.5-n1-m", 1, serve);
            assertTrue(lineWith(log, "failed: probe 'throwing'").contains("java.lang.IllegalStateException: scripted "
                    + "failure of throwing at org.minima.it.probe.ScriptedProbe.probe(ScriptedProbe.java:"),
                    "the exception and the bundle's own frame are named: " + lineWith(log, "failed: probe 'throwing'"));
            awaitCount(log, "probe 'hanging' of bundle org.minima.it.hanging 1.0.0", "ran past the timeout of 5 s",
                    1, serve);
            awaitCount(log, "bundle org.minima.it.unresolvable 1.0.0", "does not resolve", 1, serve);
            assertTrue(lineWith(log, "org.minima.it.unresolvable 1.0.0").contains("org.apache.commons.math3.stat"),
                    "the unresolved package is named: " + lineWith(log, "org.minima.it.unresolvable 1.0.0"));

            Files.writeString(deploy.resolve("minima-counting.cfg"), "scale = 3\n");
            awaitRows(run, "2.0.0", 3, log, serve);
            awaitCount(log, "probe 'counting' of bundle org.minima.it.counting 2.0.0", "finished", 2, serve);
            assertEquals(2, Files.readAllLines(log).stream().filter(l -> l.contains(
                    "probe 'counting' of bundle org.minima.it.counting 2.0.0") && l.contains("finished")).count(),
                    "2.0.0 ran once when it replaced 1.0.0 (FileInstall's refresh registers it again) and once "
                    + "for its new options:\n" + Files.readString(log));

            Files.delete(jar);
            MinimaHome.awaitLog(log, "probe 'counting' is gone", serve);
            MinimaHome.awaitLog(log, "deploy: uninstalled bundle org.minima.it.counting 2.0.0", serve);
            assertTrue(serve.isAlive(), "the framework keeps running");
            Map<?, ?> record = new ObjectMapper().readValue(run.resolve("run.json").toFile(), Map.class);
            String bundles = record.get("bundles").toString();
            assertTrue(bundles.contains("bundle=org.minima.it.counting, version=1.0.0")
                    && bundles.contains("bundle=org.minima.it.counting, version=2.0.0"), bundles);
            assertEquals("succeeded", record.get("status"), "a failed service in serve mode is its attempt's, not the "
                    + "run's: " + record);
            String attempts = record.get("attempts").toString();
            assertTrue(attempts.contains("minima run tiny") && attempts.contains("[probe counting]"), attempts);
        } finally {
            serve.destroy();
            assertTrue(serve.waitFor(1, TimeUnit.MINUTES), "serve stops on SIGTERM");
        }
        assertEquals(0, serve.exitValue(), Files.readString(log));
    }

    @Test
    void theShellListsDiagnosesAndRunsProbes() throws Exception {
        MinimaHome minima = new MinimaHome(dir);
        Path run = trainedRun(minima);
        Path deploy = minima.home().resolve("deploy");
        TestBundles.scriptedProbe(deploy.resolve("unresolvable.jar"), "unresolvable", "rows", "1.0.0",
                IMPORTS + ",org.apache.commons.math3.stat;version=\"[9.0,10)\"");
        TestBundles.scriptedProbe(deploy.resolve("counting.jar"), "counting", "rows", "1.0.0", IMPORTS);
        Path log = dir.resolve("shell.txt");
        Process serve = minima.start(log, "serve", run.toString());
        try (OutputStream console = serve.getOutputStream()) {
            awaitCount(log, "probe 'counting' of bundle org.minima.it.counting 1.0.0", "finished", 1, serve);
            for (String command : List.of("minima:bundles", "minima:services", "minima:diag org.minima.it.unresolvable",
                    "minima:probe counting", "minima:probe nothing")) {
                console.write((command + "\n").getBytes(StandardCharsets.UTF_8));
                console.flush();
            }
            awaitCount(log, "probe 'counting' of bundle org.minima.it.counting 1.0.0", "finished", 2, serve);
            console.write("minima:status\n".getBytes(StandardCharsets.UTF_8));
            console.flush();
            MinimaHome.awaitLog(log, "loaded classes:", serve);
        }
        assertTrue(serve.waitFor(1, TimeUnit.MINUTES), "leaving the shell stops serve mode");
        String output = Files.readString(log);
        assertEquals(0, serve.exitValue(), output);
        assertTrue(output.contains("active      org.minima.it.counting 1.0.0"), "minima:bundles lists it: " + output);
        assertTrue(output.contains("  counting  org.minima.it.counting 1.0.0"), "minima:services: " + output);
        assertTrue(output.contains("org.minima.it.unresolvable 1.0.0 [installed]: does not resolve")
                && output.contains("org.apache.commons.math3.stat"), "minima:diag names the package: " + output);
        assertTrue(output.contains("queued probe 'counting'"), output);
        assertTrue(output.contains("no probe, analysis or plot is named 'nothing'; installed: "), output);
        assertTrue(output.contains("run folder: " + run + " (2 trained models)")
                && output.contains("probe counting: succeeded at"), "minima:status: " + output);
    }

    /**
     * FileInstall writes configurations back into their files by default; a user's file is never written. A
     * misspelt key or a bad value in it is named with the file and line, as in a profile.
     */
    @Test
    void aUsersOptionsFileInDeployIsReadAndNeverWritten() throws Exception {
        MinimaHome minima = new MinimaHome(dir);
        Path run = trainedRun(minima);
        Path deploy = minima.home().resolve("deploy");
        TestBundles.scriptedProbe(deploy.resolve("counting.jar"), "counting", "rows", "1.0.0", IMPORTS);
        Path options = deploy.resolve("minima-counting.cfg");
        String written = "# twice the rows' values, for the draft's second figure\nscale = 2\n";
        Files.writeString(options, written);
        Path log = dir.resolve("serve.txt");
        Process serve = minima.start(log, "serve", run.toString(), "--no-shell");
        try {
            awaitRows(run, "1.0.0", 2, log, serve);
            Files.writeString(options, written.replace("scale = 2", "scale = 3"));
            awaitRows(run, "1.0.0", 3, log, serve);
            Thread.sleep(3000);
            assertEquals(written.replace("scale = 2", "scale = 3"), Files.readString(options),
                    "the file is as the user wrote it");

            Files.writeString(options, written.replace("scale = 2", "scael = 4"));
            MinimaHome.awaitLog(log, options + ":2: unknown key 'counting.scael'", serve);
            Files.writeString(options, written.replace("scale = 2", "scale = lots"));
            MinimaHome.awaitLog(log, options + ":2: key 'counting.scale'", serve);
            assertTrue(lineWith(log, options + ":2: unknown key").contains("counting.scale"),
                    "the key meant is suggested: " + lineWith(log, options + ":2: unknown key"));
        } finally {
            serve.destroy();
            serve.waitFor(1, TimeUnit.MINUTES);
        }
    }

    @Test
    void ofTwoVersionsInDeployTheNewerIsUsedAndTheConsoleSaysSo() throws Exception {
        MinimaHome minima = new MinimaHome(dir);
        Path run = trainedRun(minima);
        Path deploy = minima.home().resolve("deploy");
        TestBundles.scriptedProbe(deploy.resolve("counting-2.jar"), "counting", "rows", "2.0.0", IMPORTS);
        TestBundles.scriptedProbe(deploy.resolve("counting-1.jar"), "counting", "rows", "1.0.0", IMPORTS);
        MinimaHome.Result probed = minima.run("probe", run.toString(), "counting");
        assertEquals(0, probed.exitCode(), probed.output());
        assertTrue(probed.output().contains("LandscapeProbe 'counting' is provided twice: using bundle "
                + "org.minima.it.counting 2.0.0, not org.minima.it.counting 1.0.0 (the newer version wins)"),
                probed.output());
        assertRows(run, "2.0.0", 1);
    }

    @Test
    void aBundleReplacedDuringARunStopsTheRunInsteadOfCallingTheOldOne() throws Exception {
        MinimaHome minima = new MinimaHome(dir);
        minima.profile("tiny", PROFILE + "probes = counting\n");
        Path jar = TestBundles.scriptedProbe(minima.home().resolve("deploy").resolve("counting.jar"), "counting",
                "slow", "1.0.0", IMPORTS);
        Path log = dir.resolve("run.txt");
        Process running = minima.start(log, "run", "tiny");
        MinimaHome.awaitLog(log, "probe 'counting' of org.minima.it.counting 1.0.0", running);
        TestBundles.scriptedProbe(jar, "counting", "rows", "2.0.0", IMPORTS);
        assertTrue(running.waitFor(1, TimeUnit.MINUTES), "the run stops");
        String output = Files.readString(log);
        assertEquals(130, running.exitValue(), output);
        assertTrue(output.contains("service 'counting' of bundle org.minima.it.counting 1.0.0")
                && output.contains("went away while in use: stopping the run"), output);

        Path run = minima.onlyRunFolder("tiny");
        MinimaHome.Result resumed = minima.run("run", "--resume", run.toString());
        assertEquals(0, resumed.exitCode(), resumed.output());
        assertRows(run, "2.0.0", 1);
    }

    private static void assertRows(Path run, String version, double scale) throws IOException {
        Table table = MinimaHome.table(run, "counting");
        assertEquals(2, table.rows().size(), "one row per model");
        assertEquals(List.of(version), table.distinct("bundle_version"));
        Table training = MinimaHome.table(run, "training");
        for (int row = 0; row < 2; row++) {
            int width = (int) training.number(row, "width");
            int parameters = new FirnerModel().layout(new ModelSpec(1, width, 1, Activation.RELU)).size();
            assertEquals(scale * parameters, table.number(row, "scaled_parameters"), 1e-9);
        }
        Map<?, ?> provenance = new ObjectMapper().readValue(run.resolve("provenance.json").toFile(), Map.class);
        Map<?, ?> maker = (Map<?, ?>) provenance.get("counting.csv");
        assertEquals(version, maker.get("version"));
        assertEquals(Map.of("scale", scale == Math.rint(scale) ? String.valueOf((int) scale) : String.valueOf(scale)),
                maker.get("options"));
    }

    /** Waits until the counting table holds the rows of {@code version} at {@code scale}, as serve mode rewrites it. */
    private static void awaitRows(Path run, String version, double scale, Path log, Process process)
            throws Exception {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(1);
        while (true) {
            try {
                assertRows(run, version, scale);
                return;
            } catch (AssertionError | IOException notYet) {
                if (!process.isAlive() || System.nanoTime() > deadline) {
                    throw new AssertionError("the rows of " + version + " at scale " + scale + " never appeared: "
                            + notYet.getMessage() + "\n" + Files.readString(log), notYet);
                }
                Thread.sleep(100);
            }
        }
    }

    private static List<String> keys(Path run) throws IOException {
        try (Stream<Path> keys = Files.list(run.resolve("probes").resolve("counting"))) {
            return keys.map(k -> k.getFileName().toString()).sorted().toList();
        }
    }

    private static String lineWith(Path log, String text) throws IOException {
        return Files.readAllLines(log).stream().filter(l -> l.contains(text)).reduce("", (a, b) -> a + b + "\n");
    }

    /** Waits until {@code count} lines of the log contain both {@code subject} and {@code outcome}. */
    private static void awaitCount(Path log, String subject, String outcome, int count, Process process)
            throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(1);
        while (Files.readAllLines(log).stream().filter(l -> l.contains(subject) && l.contains(outcome)).count()
                < count) {
            if (!process.isAlive() || System.nanoTime() > deadline) {
                throw new AssertionError(count + " lines with '" + subject + "' and '" + outcome
                        + "' never appeared:\n" + Files.readString(log));
            }
            Thread.sleep(50);
        }
    }
}
