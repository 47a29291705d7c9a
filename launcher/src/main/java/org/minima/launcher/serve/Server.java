package org.minima.launcher.serve;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

import org.minima.api.Plugin;
import org.minima.api.Role;
import org.minima.launcher.config.InputError;
import org.minima.launcher.config.Profile;
import org.minima.launcher.config.RunPlan;
import org.minima.launcher.config.Wiring;
import org.minima.launcher.folder.RunFolder;
import org.minima.launcher.folder.RunLog;
import org.minima.launcher.folder.RunRecord;
import org.minima.launcher.framework.Distribution;
import org.minima.launcher.framework.EmbeddedFramework;
import org.minima.launcher.framework.Roles;
import org.minima.launcher.framework.ServiceCatalog;
import org.minima.launcher.pipeline.Cancellation;
import org.minima.launcher.pipeline.Pipeline;
import org.minima.launcher.pipeline.ServiceFailure;
import org.minima.launcher.pipeline.ResumePolicy;
import org.minima.launcher.report.ReportPage;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleEvent;
import org.osgi.framework.BundleException;
import org.osgi.framework.ServiceReference;
import org.osgi.service.cm.ConfigurationEvent;
import org.osgi.service.cm.ConfigurationListener;
import org.osgi.util.tracker.ServiceTracker;
import org.osgi.util.tracker.ServiceTrackerCustomizer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code minima serve RUN_FOLDER}: one framework kept running on a finished run folder. Every probe, analysis or plot
 * that a bundle in deploy/ registers is run on the folder's stored models, with no training; an updated bundle's
 * services run again (their outputs kept apart from the old version's, see {@code ProbeStage}); a removed bundle's
 * services disappear; a changed {@code deploy/minima-NAME.cfg} reruns NAME with its new options. Work runs one
 * service at a time, each on a thread of its own under a timeout, so a service that throws or hangs is reported by
 * name and cause while the framework, the other services and the results already written stay as they were.
 */
public final class Server {

    /** The roles whose services serve mode runs when a bundle brings them. */
    static final List<Role> SERVED = List.of(Role.PROBE, Role.ANALYSIS, Role.PLOT);
    private static final Map<Role, String> NOUNS = Map.of(Role.PROBE, "probe", Role.ANALYSIS, "analysis",
            Role.PLOT, "plot");
    private static final Logger LOG = LoggerFactory.getLogger(Server.class);
    /** Longer than FileInstall takes from updating a bundle to refreshing it (one scan, poll 1 s). */
    private static final Duration SETTLE = Duration.ofSeconds(2);

    private final Distribution distribution;
    private final RunFolder folder;
    private final Duration timeout;
    private final boolean shell;
    private final ScheduledExecutorService queue = Executors.newSingleThreadScheduledExecutor(daemons("minima-serve"));
    private final ExecutorService runners = Executors.newCachedThreadPool(daemons("minima-serve-job"));
    private final Set<String> pending = ConcurrentHashMap.newKeySet();
    private final Map<String, ServiceReference<Plugin>> served = new ConcurrentHashMap<>();
    private final Map<String, String> outcomes = new ConcurrentHashMap<>();
    private final CountDownLatch started = new CountDownLatch(1);
    private volatile EmbeddedFramework framework;
    private volatile DeployOptions options;
    private volatile Job running;

    /**
     * A server on {@code folder}.
     *
     * @param timeout how long one service may run before it is stopped and reported
     * @param shell   whether Gogo's interactive shell reads commands from the console
     */
    public Server(Distribution distribution, RunFolder folder, Duration timeout, boolean shell) {
        this.distribution = distribution;
        this.folder = folder;
        this.timeout = timeout;
        this.shell = shell;
    }

    /** Serves until the framework stops: the shell was left, or {@link #stop()} ran (Ctrl-C). */
    public void serve() throws IOException, BundleException, InterruptedException {
        try (RunLog ignored = RunLog.to(folder.file(RunFolder.LOG));
             EmbeddedFramework embedded = EmbeddedFramework.start(distribution, distribution.deployDir())) {
            framework = embedded;
            options = new DeployOptions(embedded.context());
            BundleContext context = embedded.context();
            context.addBundleListener(this::bundleChanged);
            context.registerService(ConfigurationListener.class, this::configurationChanged, null);
            context.registerService(Object.class, new ShellCommands(this), ShellCommands.properties());
            List<ServiceTracker<Plugin, ServiceReference<Plugin>>> trackers = new ArrayList<>();
            for (Role role : SERVED) {
                ServiceTracker<Plugin, ServiceReference<Plugin>> tracker = new ServiceTracker<>(context,
                        Roles.type(role).getName(), tracking(role));
                tracker.open();
                trackers.add(tracker);
            }
            LOG.info("serving {} ({} trained models): drop probe, analysis or plot bundles into {}, options in "
                    + "{}/minima-NAME.cfg; each service may run {} s{}", folder.path(), models(),
                    distribution.deployDir(), distribution.deployDir(), timeout.toSeconds(),
                    shell ? "; shell commands: minima:status, minima:bundles, minima:services, minima:diag BUNDLE, "
                            + "minima:probe NAME (end of input leaves)" : "; Ctrl-C stops");
            if (shell) {
                embedded.startShell();
            }
            started.countDown();
            embedded.awaitStop();
            trackers.forEach(ServiceTracker::close);
            options.close();
        } finally {
            queue.shutdownNow();
            runners.shutdownNow();
            LOG.info("serve mode on {} stopped", folder.path());
        }
    }

    /** Stops serving: the service under way is asked to stop, then the framework. */
    public void stop() {
        Job job = running;
        if (job != null) {
            job.cancellation().request();
        }
        EmbeddedFramework embedded = framework;
        if (embedded != null) {
            try {
                embedded.context().getBundle(0).stop();
            } catch (BundleException e) {
                LOG.warn("stopping the framework failed: {}", e.getMessage());
            }
        }
    }

    /** The framework's context once serving has started, for tests that drive bundles directly. */
    BundleContext awaitStarted() throws InterruptedException {
        started.await();
        return framework.context();
    }

    /** Queues a run of the served service {@code name}, whatever bundle provides it. */
    String request(String name) {
        try (ServiceCatalog catalog = new ServiceCatalog(framework)) {
            for (Role role : SERVED) {
                if (catalog.names(role).contains(name)) {
                    enqueue(role, name);
                    return "queued " + NOUNS.get(role) + " '" + name + "'";
                }
            }
            return "no probe, analysis or plot is named '" + name + "'; installed: " + String.join(", ",
                    SERVED.stream().flatMap(role -> catalog.names(role).stream()).sorted().toList());
        }
    }

    RunFolder folder() {
        return folder;
    }

    EmbeddedFramework framework() {
        return framework;
    }

    Path deployDir() {
        return distribution.deployDir();
    }

    /** What runs now, what waits, and how each service run so far ended. */
    Status status() {
        Job job = running;
        return new Status(job == null ? Optional.empty() : Optional.of(job.key() + " since " + job.started()),
                List.copyOf(pending), Map.copyOf(outcomes));
    }

    /**
     * What serve mode is doing.
     *
     * @param running  the service running now, with its start
     * @param queued   services waiting to run
     * @param outcomes how each service's last run ended, by role and name
     */
    record Status(Optional<String> running, List<String> queued, Map<String, String> outcomes) {
    }

    int models() {
        try {
            return folder.modelCount();
        } catch (IOException e) {
            return 0;
        }
    }

    private ServiceTrackerCustomizer<Plugin, ServiceReference<Plugin>> tracking(Role role) {
        return new ServiceTrackerCustomizer<>() {
            @Override
            public ServiceReference<Plugin> addingService(ServiceReference<Plugin> reference) {
                Object name = reference.getProperty(Plugin.NAME);
                if (name != null && fromDeploy(reference.getBundle())) {
                    served.put(key(role, name.toString()), reference);
                    LOG.info("{} '{}' of bundle {} registered: running it on the run's models", NOUNS.get(role), name,
                            describe(reference.getBundle()));
                    enqueue(role, name.toString());
                }
                return reference;
            }

            @Override
            public void modifiedService(ServiceReference<Plugin> reference, ServiceReference<Plugin> service) {
                // a changed name takes effect at the next registration
            }

            @Override
            public void removedService(ServiceReference<Plugin> reference, ServiceReference<Plugin> service) {
                Object name = reference.getProperty(Plugin.NAME);
                if (name != null && served.remove(key(role, name.toString()), reference)) {
                    LOG.info("{} '{}' is gone: its bundle was stopped, updated or uninstalled", NOUNS.get(role), name);
                }
            }
        };
    }

    private void bundleChanged(BundleEvent event) {
        Bundle bundle = event.getBundle();
        if (!fromDeploy(bundle)) {
            return;
        }
        switch (event.getType()) {
            case BundleEvent.INSTALLED -> {
                LOG.info("deploy: installed bundle {}", describe(bundle));
                queue.submit(() -> diagnose(bundle));
            }
            case BundleEvent.UPDATED -> {
                LOG.info("deploy: updated bundle {}", describe(bundle));
                queue.submit(() -> diagnose(bundle));
            }
            case BundleEvent.UNINSTALLED -> LOG.info("deploy: uninstalled bundle {}", describe(bundle));
            default -> LOG.debug("bundle {}: event {}", describe(bundle), event.getType());
        }
    }

    /** Names a bundle of deploy/ that provides nothing, with the cause. */
    private void diagnose(Bundle bundle) {
        if (bundle.getState() == Bundle.UNINSTALLED) {
            return;
        }
        List<String> problems = framework.diagnostics().explain(bundle);
        if (!problems.isEmpty()) {
            LOG.error("bundle {} provides nothing: {}; the framework and the other bundles go on",
                    describe(bundle), String.join("; ", problems));
        }
    }

    private void configurationChanged(ConfigurationEvent event) {
        DeployOptions.serviceOf(event.getFactoryPid(), event.getPid()).ifPresent(name -> {
            LOG.info("options of '{}' {} in {}", name, event.getType() == ConfigurationEvent.CM_DELETED
                    ? "removed" : "changed", distribution.deployDir());
            SERVED.stream().filter(role -> served.containsKey(key(role, name))).forEach(role -> enqueue(role, name));
        });
    }

    /**
     * Queues one run of a service; requests that arrive before it starts join it. It becomes due {@link #SETTLE}
     * after it was queued (other queued work goes on meanwhile): FileInstall updates a replaced jar and then
     * refreshes it, which stops and registers the new version's services again, so without the pause the new
     * version would run twice, the first time on a bundle about to stop.
     */
    private void enqueue(Role role, String name) {
        if (pending.add(key(role, name))) {
            queue.schedule(() -> {
                pending.remove(key(role, name));
                runGuarded(role, name);
            }, SETTLE.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    /** Runs one service on its own thread under the timeout; whatever happens is reported and contained. */
    private void runGuarded(Role role, String name) {
        Job job = new Job(key(role, name), new Cancellation(), Instant.now());
        running = job;
        Future<?> future = runners.submit(() -> {
            execute(role, name, job.cancellation());
            return null;
        });
        try {
            future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            outcomes.put(job.key(), "succeeded at " + Instant.now());
        } catch (TimeoutException e) {
            job.cancellation().request();
            future.cancel(true);
            outcomes.put(job.key(), "timed out after " + timeout.toSeconds() + " s");
            LOG.error("{} '{}' of bundle {} ran past the timeout of {} s and was stopped (its thread interrupted); "
                    + "the framework, the other services and the results already written are untouched",
                    NOUNS.get(role), name, bundleOf(role, name), timeout.toSeconds());
        } catch (ExecutionException e) {
            outcomes.put(job.key(), "failed: " + ServiceFailure.describe(e.getCause()));
            report(role, name, e.getCause());
        } catch (InterruptedException e) {
            job.cancellation().request();
            future.cancel(true);
            Thread.currentThread().interrupt();
        } finally {
            running = null;
            ReportPage.writeQuietly(folder);
        }
    }

    private void report(Role role, String name, Throwable cause) {
        if (cause instanceof InputError) {
            LOG.error("{} '{}' cannot run on this folder: {}", NOUNS.get(role), name, cause.getMessage());
        } else if (cause instanceof CancellationException) {
            LOG.warn("{} '{}' stopped before it finished: {}", NOUNS.get(role), name, cause.getMessage());
        } else {
            LOG.error("{} '{}' of bundle {} failed: {}; the framework, the other services and the results already "
                    + "written are untouched", NOUNS.get(role), name, bundleOf(role, name),
                    ServiceFailure.describe(cause));
            LOG.debug("failure of {} '{}'", NOUNS.get(role), name, cause);
        }
    }

    /** Runs {@code name} alone on the folder's models, as {@code minima probe} would, recorded in run.json. */
    private void execute(Role role, String name, Cancellation cancellation) throws Exception {
        DeployOptions.Options configured = options.of(name);
        Map<String, String> overrides = new LinkedHashMap<>();
        SERVED.forEach(r -> overrides.put(r.key(), r == role ? name : ""));
        // the options of the run's own analyses, probes and plots stay in config.properties but do not apply here
        Set<String> others = ResumePolicy.runLevelServices(Profile.ofRun(folder, Map.of()).values());
        others.remove(name);
        Profile saved = Profile.ofRun(folder, overrides);
        Profile profile = (configured.file().isEmpty() ? saved : saved.withOptionsFile(name, configured.keys(),
                Path.of(configured.file()))).without(key -> others.stream().anyMatch(other -> key.startsWith(other
                + ".")));
        try (ServiceCatalog catalog = new ServiceCatalog(framework, lost -> {
            LOG.warn("{}: stopping the run of {} '{}'", lost, NOUNS.get(role), name);
            cancellation.request();
        })) {
            RunPlan plan = Wiring.plan(profile, catalog, folder.tables());
            RunRecord record = new RunRecord(folder, plan.experiment(), List.copyOf(plan.bound()),
                    List.of("serve", folder.path().toString(), "[" + NOUNS.get(role) + " " + name + "]"),
                    distribution.home(), true);
            record.keepStatusToAttempt();
            record.started();
            try {
                new Pipeline(plan, folder, cancellation).analyse();
            } catch (Exception | Error e) {
                record.ended(e instanceof CancellationException ? "interrupted" : "failed", e.toString());
                throw e;
            }
            record.ended("succeeded", null);
            LOG.info("{} '{}' of bundle {} finished on {}", NOUNS.get(role), name, bundleOf(role, name), folder.path());
        }
    }

    private String bundleOf(Role role, String name) {
        ServiceReference<Plugin> reference = served.get(key(role, name));
        return reference == null || reference.getBundle() == null ? "(built in or gone)"
                : describe(reference.getBundle());
    }

    private boolean fromDeploy(Bundle bundle) {
        String location = bundle == null ? "" : bundle.getLocation();
        return location.contains(distribution.deployDir().toAbsolutePath().normalize().toUri().getPath());
    }

    private static String describe(Bundle bundle) {
        return bundle.getSymbolicName() + " " + bundle.getVersion() + " (" + bundle.getLocation() + ")";
    }

    private static String key(Role role, String name) {
        return NOUNS.get(role) + " " + name;
    }

    private static ThreadFactory daemons(String name) {
        AtomicInteger number = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, name + "-" + number.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    /** A service run under way. */
    private record Job(String key, Cancellation cancellation, Instant started) {
    }
}
