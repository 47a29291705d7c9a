package org.minima.launcher.framework;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.apache.felix.framework.FrameworkFactory;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.Constants;
import org.osgi.framework.launch.Framework;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.osgi.util.tracker.ServiceTracker;
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

    /** How long start-up waits for FileInstall to install deploy/ and for components to come up. */
    private static final long SETTLE_TIMEOUT_MS = 10_000;
    private static final long SETTLE_POLL_MS = 10;
    /** Gogo's console shell: installed always, started only by {@link #startShell()}. */
    private static final String SHELL_BUNDLE = "org.apache.felix.gogo.shell";
    /** How often FileInstall looks at deploy/ for new, changed and deleted files. */
    private static final long DEPLOY_POLL_MS = 1000;

    private final Framework framework;
    private final Path cache;
    private ServiceTracker<ServiceComponentRuntime, ServiceComponentRuntime> scr;
    private Diagnostics diagnostics;

    private EmbeddedFramework(Framework framework, Path cache) {
        this.framework = framework;
        this.cache = cache;
    }

    /**
     * Starts Felix and every bundle of {@code distribution}, lets FileInstall install what {@code deployDir} holds,
     * and returns once every bundle has started or failed and Declarative Services has processed every component:
     * from then on, {@link ServiceCatalog} sees every service there is, and {@link #diagnostics()} names what failed.
     */
    public static EmbeddedFramework start(Distribution distribution, Path deployDir)
            throws IOException, BundleException {
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
        config.put("felix.fileinstall.poll", String.valueOf(DEPLOY_POLL_MS));
        // FileInstall writes a configuration changed in Config Admin back into its .cfg file by default: a user's
        // file in deploy/ is only ever read
        config.put("felix.fileinstall.enableConfigSave", "false");
        config.put("gosh.args", "--quiet");
        config.put("gosh.home", cache.toString());
        Framework framework = new FrameworkFactory().newFramework(config);
        EmbeddedFramework embedded = new EmbeddedFramework(framework, cache);
        try {
            framework.start();
            embedded.installAndStart(distribution.systemBundles());
            embedded.installAndStart(distribution.minimaBundles());
            embedded.settle(deployDir);
        } catch (BundleException | RuntimeException e) {
            embedded.close();
            throw e;
        } catch (InterruptedException e) {
            embedded.close();
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while the framework started", e);
        }
        return embedded;
    }

    public BundleContext context() {
        return framework.getBundleContext();
    }

    /** Starts Gogo's shell on the console. */
    public void startShell() throws BundleException {
        for (Bundle bundle : context().getBundles()) {
            if (SHELL_BUNDLE.equals(bundle.getSymbolicName())) {
                bundle.start();
            }
        }
    }

    /** Blocks until the framework has stopped (the shell was left, or {@link #close()} ran elsewhere). */
    public void awaitStop() throws InterruptedException {
        framework.waitForStop(0);
    }

    /** What failed while the framework started. */
    public Diagnostics diagnostics() {
        return diagnostics;
    }

    private void settle(Path deployDir) throws InterruptedException {
        scr = new ServiceTracker<>(context(), ServiceComponentRuntime.class, null);
        scr.open();
        long deadline = System.currentTimeMillis() + SETTLE_TIMEOUT_MS;
        Map<Path, String> notInstalled = awaitDeployed(deployDir, deadline);
        Map<Bundle, String> unresolved = new HashMap<>();
        for (Bundle bundle : context().getBundles()) {
            if (!startedOrFragment(bundle) && !SHELL_BUNDLE.equals(bundle.getSymbolicName())) {
                try {
                    bundle.start();
                } catch (BundleException e) {
                    unresolved.put(bundle, e.getMessage());
                }
            }
        }
        awaitComponents(deadline);
        diagnostics = new Diagnostics(notInstalled, unresolved, scr);
        diagnostics.problems().forEach(problem -> LOG.warn("{}", problem));
    }

    /** Waits until FileInstall has installed a bundle for every jar of {@code deployDir}; names those it did not. */
    private Map<Path, String> awaitDeployed(Path deployDir, long deadline) throws InterruptedException {
        List<Path> jars = jars(deployDir);
        Map<Path, String> missing = new HashMap<>();
        while (true) {
            Set<String> installed = new HashSet<>();
            for (Bundle bundle : context().getBundles()) {
                installed.add(pathOf(bundle.getLocation()));
            }
            List<Path> waiting = jars.stream().filter(jar -> !installed.contains(jar.toUri().getPath())).toList();
            if (waiting.isEmpty()) {
                return missing;
            }
            if (System.currentTimeMillis() > deadline) {
                waiting.forEach(jar -> missing.put(jar, "FileInstall did not install it within "
                        + SETTLE_TIMEOUT_MS / 1000 + " s: it is not a bundle (no Bundle-SymbolicName), or a bundle "
                        + "of the same symbolic name and version is installed already"));
                return missing;
            }
            Thread.sleep(SETTLE_POLL_MS);
        }
    }

    /** Waits until Declarative Services has a configuration for every enabled component of every active bundle. */
    private void awaitComponents(long deadline) throws InterruptedException {
        while (System.currentTimeMillis() <= deadline) {
            ServiceComponentRuntime runtime = scr.getService();
            if (runtime != null && componentsUp(runtime)) {
                return;
            }
            Thread.sleep(SETTLE_POLL_MS);
        }
        LOG.warn("Declarative Services had not processed every component within {} s", SETTLE_TIMEOUT_MS / 1000);
    }

    private boolean componentsUp(ServiceComponentRuntime runtime) {
        for (Bundle bundle : context().getBundles()) {
            if (bundle.getState() != Bundle.ACTIVE || bundle.getHeaders().get("Service-Component") == null) {
                continue;
            }
            var descriptions = runtime.getComponentDescriptionDTOs(bundle);
            if (descriptions.isEmpty() || descriptions.stream().anyMatch(d -> runtime.isComponentEnabled(d)
                    && runtime.getComponentConfigurationDTOs(d).isEmpty())) {
                return false;
            }
        }
        return true;
    }

    private static boolean startedOrFragment(Bundle bundle) {
        return bundle.getState() == Bundle.ACTIVE || bundle.getState() == Bundle.STARTING
                || bundle.getHeaders().get(Constants.FRAGMENT_HOST) != null;
    }

    private static String pathOf(String location) {
        try {
            return URI.create(location).getPath();
        } catch (IllegalArgumentException e) {
            return location;
        }
    }

    private static List<Path> jars(Path dir) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.toString().endsWith(".jar")).map(p -> p.toAbsolutePath().normalize())
                    .sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void installAndStart(List<Path> jars) throws BundleException {
        BundleContext context = context();
        List<Bundle> installed = new ArrayList<>();
        for (Path jar : jars) {
            installed.add(context.installBundle(jar.toUri().toString()));
        }
        for (Bundle bundle : installed) {
            if (bundle.getHeaders().get(Constants.FRAGMENT_HOST) == null
                    && !SHELL_BUNDLE.equals(bundle.getSymbolicName())) {
                bundle.start();
            }
            LOG.debug("started {} {}", bundle.getSymbolicName(), bundle.getVersion());
        }
    }

    @Override
    public void close() {
        if (scr != null) {
            scr.close();
        }
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
