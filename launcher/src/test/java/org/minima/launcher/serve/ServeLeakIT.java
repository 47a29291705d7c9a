package org.minima.launcher.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.minima.api.probe.LandscapeProbe;
import org.minima.launcher.TestBundles;
import org.minima.launcher.folder.RunFolder;
import org.minima.launcher.framework.Distribution;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.wiring.FrameworkWiring;

/**
 * One serving framework, one probe bundle installed, started, updated to a new version and uninstalled 100 times:
 * the JVM's threads and loaded classes come back to where they were, so a long serve session does not grow.
 */
class ServeLeakIT {

    private static final int CYCLES = 100;
    private static final int WARM_UP = 10;

    @TempDir
    Path dir;

    @Test
    void installUpdateUninstallCyclesLeakNeitherThreadsNorClasses() throws Exception {
        Path home = Files.createDirectories(dir.resolve("home"));
        Files.createDirectories(home.resolve("deploy"));
        Path run = Files.createDirectories(home.resolve("results").resolve("leak").resolve("run"));
        Files.writeString(run.resolve(RunFolder.CONFIG), "# a run folder with nothing trained\n");
        Distribution distribution = new Distribution(Path.of(System.getProperty("minima.dist", "target/minima"))
                .toAbsolutePath(), home);
        Server server = new Server(distribution, RunFolder.reopen(run), Duration.ofMinutes(1), false);
        Thread serving = new Thread(() -> {
            try {
                server.serve();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }, "serve-under-test");
        serving.start();
        try {
            BundleContext context = server.awaitStarted();
            byte[] first = jar("1.0.0");
            byte[] second = jar("2.0.0");
            cycles(context, first, second, WARM_UP);
            long threads = threads();
            long classes = loadedClasses();
            cycles(context, first, second, CYCLES);
            long threadsAfter = threads();
            long classesAfter = loadedClasses();
            assertTrue(threadsAfter <= threads + 2, "threads " + threads + " -> " + threadsAfter);
            assertTrue(classesAfter <= classes + 40, "loaded classes " + classes + " -> " + classesAfter + " after "
                    + CYCLES + " cycles, each loading the probe's class twice");
        } finally {
            server.stop();
            serving.join(TimeUnit.MINUTES.toMillis(1));
        }
    }

    private byte[] jar(String version) throws Exception {
        return Files.readAllBytes(TestBundles.scriptedProbe(dir.resolve("leak-" + version + ".jar"), "leak", "rows",
                version, TestBundles.PROBE_IMPORTS));
    }

    private static void cycles(BundleContext context, byte[] first, byte[] second, int count) throws Exception {
        for (int cycle = 0; cycle < count; cycle++) {
            Bundle bundle = context.installBundle("test:leak", new ByteArrayInputStream(first));
            bundle.start();
            assertEquals(1, context.getServiceReferences(LandscapeProbe.class, "(minima.name=leak)").size());
            bundle.update(new ByteArrayInputStream(second));
            assertEquals("2.0.0", bundle.getVersion().toString());
            bundle.uninstall();
            refresh(context);
            assertTrue(context.getServiceReferences(LandscapeProbe.class, "(minima.name=leak)").isEmpty());
        }
    }

    /** Lets the framework drop the old revisions' class loaders, as {@code refresh} in a shell would. */
    private static void refresh(BundleContext context) throws InterruptedException {
        CountDownLatch refreshed = new CountDownLatch(1);
        context.getBundle(0).adapt(FrameworkWiring.class).refreshBundles(null, event -> refreshed.countDown());
        assertTrue(refreshed.await(30, TimeUnit.SECONDS), "the framework refreshed");
    }

    private static long threads() throws InterruptedException {
        Thread.sleep(200);
        return ManagementFactory.getThreadMXBean().getThreadCount();
    }

    private static long loadedClasses() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(100);
        }
        return ManagementFactory.getClassLoadingMXBean().getLoadedClassCount();
    }
}
