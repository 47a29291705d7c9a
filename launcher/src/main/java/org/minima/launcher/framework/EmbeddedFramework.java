package org.minima.launcher.framework;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.apache.felix.framework.FrameworkFactory;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.Constants;
import org.osgi.framework.launch.Framework;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Apache Felix embedded in the launcher's JVM: libraries shared from the class path, the framework services (SCR,
 * Config Admin, FileInstall, Gogo runtime) from {@code system/}, Minima's bundles from {@code bundles/}, and any
 * bundle dropped into the watched deploy folder. {@link #close()} always stops it and removes its cache.
 */
public final class EmbeddedFramework implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedFramework.class);
    private static final long STOP_TIMEOUT_MS = 15_000;

    private final Framework framework;
    private final Path cache;

    private EmbeddedFramework(Framework framework, Path cache) {
        this.framework = framework;
        this.cache = cache;
    }

    /** Starts Felix and every bundle of {@code distribution}; FileInstall watches {@code deployDir}. */
    public static EmbeddedFramework start(Distribution distribution, Path deployDir) throws IOException, BundleException {
        Path cache = Files.createTempDirectory("minima-felix-");
        Map<String, String> config = new HashMap<>();
        config.put(Constants.FRAMEWORK_STORAGE, cache.toString());
        config.put(Constants.FRAMEWORK_STORAGE_CLEAN, Constants.FRAMEWORK_STORAGE_CLEAN_ONFIRSTINIT);
        config.put(Constants.FRAMEWORK_SYSTEMPACKAGES_EXTRA,
                SystemPackages.compute(EmbeddedFramework.class.getClassLoader()));
        config.put("felix.log.level", LOG.isDebugEnabled() ? "3" : "1");
        config.put("felix.fileinstall.dir", deployDir.toAbsolutePath().toString());
        config.put("felix.fileinstall.noInitialDelay", "true");
        config.put("felix.fileinstall.log.level", LOG.isDebugEnabled() ? "4" : "1");
        config.put("felix.fileinstall.bundles.new.start", "true");
        config.put("gosh.args", "--nointeractive");
        Framework framework = new FrameworkFactory().newFramework(config);
        EmbeddedFramework embedded = new EmbeddedFramework(framework, cache);
        try {
            framework.start();
            embedded.installAndStart(distribution.systemBundles());
            embedded.installAndStart(distribution.minimaBundles());
        } catch (BundleException | RuntimeException e) {
            embedded.close();
            throw e;
        }
        return embedded;
    }

    public BundleContext context() {
        return framework.getBundleContext();
    }

    private void installAndStart(List<Path> jars) throws BundleException {
        BundleContext context = context();
        List<Bundle> installed = new ArrayList<>();
        for (Path jar : jars) {
            installed.add(context.installBundle(jar.toUri().toString()));
        }
        for (Bundle bundle : installed) {
            if (bundle.getHeaders().get(Constants.FRAGMENT_HOST) == null) {
                bundle.start();
            }
            LOG.debug("started {} {}", bundle.getSymbolicName(), bundle.getVersion());
        }
    }

    @Override
    public void close() {
        try {
            framework.stop();
            framework.waitForStop(STOP_TIMEOUT_MS);
        } catch (BundleException e) {
            LOG.warn("stopping the framework failed: {}", e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        deleteQuietly(cache);
    }

    private static void deleteQuietly(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            LOG.debug("could not delete framework cache {}: {}", dir, e.getMessage());
        }
    }
}
