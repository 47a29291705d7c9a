package org.minima.launcher.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import org.minima.api.OptionSpec;
import org.minima.api.Plugin;
import org.minima.api.Role;
import org.minima.api.run.Experiment;
import org.minima.launcher.config.Bound;
import org.minima.launcher.config.InputError;
import org.minima.launcher.config.Profile;
import org.minima.launcher.config.RunPlan;
import org.minima.launcher.config.Wiring;
import org.minima.launcher.folder.DiskFull;
import org.minima.launcher.folder.Findings;
import org.minima.launcher.folder.RunFolder;
import org.minima.launcher.folder.RunLog;
import org.minima.launcher.folder.RunRecord;
import org.minima.launcher.framework.Distribution;
import org.minima.launcher.framework.EmbeddedFramework;
import org.minima.launcher.framework.Blas;
import org.minima.launcher.framework.Roles;
import org.minima.launcher.framework.ServiceCatalog;
import org.minima.launcher.pipeline.Calibration;
import org.minima.launcher.pipeline.Cancellation;
import org.minima.launcher.pipeline.ConsoleProgress;
import org.minima.launcher.pipeline.MergeCheck;
import org.minima.launcher.pipeline.Pipeline;
import org.minima.launcher.pipeline.ResumePolicy;
import org.minima.launcher.pipeline.ServiceFailure;
import org.minima.launcher.pipeline.Shard;
import org.minima.launcher.pipeline.ShardEstimate;
import org.minima.launcher.pipeline.WriterLock;
import org.minima.launcher.report.ReportPage;
import org.minima.launcher.serve.Server;
import org.osgi.framework.BundleException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code minima} command. Exit codes: 0 success, 1 the run failed, 2 bad input (nothing was run), 130
 * interrupted (resume it with {@code --resume}).
 */
public final class Main {

    static {
        // before the first logger: logback reads the console's line prefix when it configures itself
        ConsoleProgress.prepare();
    }

    static final int OK = 0;
    static final int FAILED = 1;
    static final int INTERRUPTED = 130;

    private static final Logger LOG = LoggerFactory.getLogger(Main.class);
    private static final long SHUTDOWN_WAIT_SECONDS = 30;
    /** A whole run longer than this is pointed to sharding. */
    private static final int LONG_RUN_HOURS = 4;
    /** Where {@code minima findings} keeps results, below Minima's home. */
    private static final String FINDINGS = "docs/findings";

    private final Distribution distribution;

    Main(Distribution distribution) {
        this.distribution = distribution;
    }

    public static void main(String[] args) {
        int code = FAILED;
        try {
            code = new Main(Distribution.locate()).execute(args);
        } catch (Throwable e) {
            LOG.error("minima failed: {}", e.toString(), e);
        } finally {
            // Felix and ND4J leave non-daemon threads behind: exit explicitly so the JVM never hangs.
            System.exit(code);
        }
    }

    int execute(String[] args) {
        try {
            if (args.length > 0 && args[0].equals("serve")) {
                return serve(ServeLine.parse(args));
            }
            if (args.length > 0 && args[0].equals("new-probe")) {
                return newProbe(args);
            }
            if (args.length > 0 && args[0].equals("findings")) {
                return findings(args);
            }
            CommandLine cli = CommandLine.parse(args);
            return switch (cli.command()) {
                case "help" -> help();
                case "services" -> services();
                case "check" -> check(cli);
                case "plan" -> plan(cli);
                case "report" -> report(cli);
                default -> run(cli);
            };
        } catch (InputError e) {
            LOG.error("{}", e.getMessage());
            return InputError.EXIT_CODE;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return INTERRUPTED;
        } catch (Exception e) {
            if (DiskFull.in(e).isPresent()) {
                LOG.error("minima stopped: the disk is full ({}); free space there and run the command again",
                        e.getMessage());
                return InputError.EXIT_CODE;
            }
            LOG.error("minima failed: {}", e.toString());
            LOG.debug("failure", e);
            return FAILED;
        }
    }

    private int newProbe(String[] args) throws IOException {
        if (args.length < 3 || args.length > 4) {
            throw new InputError("new-probe needs DIR and NAME, and takes a PACKAGE\n" + CommandLine.USAGE);
        }
        String name = args[2];
        String pkg = args.length == 4 ? args[3] : "org.example." + name.replace("-", "");
        Path dir = Path.of(args[1]).toAbsolutePath().normalize();
        int files = NewProbe.create(distribution.home(), dir, name, pkg).size();
        LOG.info("wrote probe '{}' (package {}, {} files) into {}: build it with mvn -B verify there, then copy "
                + "target/{}-1.0.0.jar into {}", name, pkg, files, dir, name, distribution.deployDir());
        return OK;
    }

    /** Stores a finished run's tables and figures in docs/findings/NAME, with RUN.md saying how they were made. */
    private int findings(String[] args) throws IOException {
        if (args.length < 3) {
            throw new InputError("findings needs a RUN_FOLDER and a NAME, then the run's files to keep besides its "
                    + "tables\n" + CommandLine.USAGE);
        }
        Path folder = Path.of(args[1]);
        if (!Files.isRegularFile(folder.resolve(RunFolder.CONFIG))) {
            throw new InputError("findings: " + folder + " is not a run folder (no " + RunFolder.CONFIG
                    + "); run folders look like results/PROFILE/RUN_ID");
        }
        List<Path> written = Findings.store(RunFolder.reopen(folder), distribution.home().resolve(FINDINGS), args[2],
                List.of(args).subList(3, args.length), List.of(args));
        LOG.info("stored {} files of {} in {}", written.size(), folder, written.get(0).getParent());
        return OK;
    }

    /** Serves a run folder until the shell is left or a signal stops it. */
    private int serve(ServeLine line) throws IOException, BundleException, InterruptedException {
        RunFolder folder = RunFolder.reopen(line.folder());
        Blas.select(Profile.ofRun(folder, Map.of()));
        try (WriterLock lock = WriterLock.acquire(folder, Shard.WHOLE, typed(line.words()))) {
            return serve(new Server(distribution, folder, line.timeout(), line.shell()));
        }
    }

    private static String typed(List<String> words) {
        return "./minima " + String.join(" ", words);
    }

    private int serve(Server server) throws IOException, BundleException, InterruptedException {
        CountDownLatch finished = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            if (finished.getCount() > 0) {
                LOG.warn("stop requested: stopping serve mode");
                server.stop();
                awaitQuietly(finished);
                // once a signal has begun the JVM's shutdown, System.exit cannot end it: a signal is how serve ends
                Runtime.getRuntime().halt(OK);
            }
        }, "minima-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            server.serve();
            return OK;
        } finally {
            finished.countDown();
            removeHook(hook);
        }
    }

    private static void awaitQuietly(CountDownLatch finished) {
        try {
            finished.await(SHUTDOWN_WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private int help() {
        System.out.println(CommandLine.USAGE);
        return OK;
    }

    private int services() throws IOException, BundleException {
        try (EmbeddedFramework framework = EmbeddedFramework.start(distribution, distribution.deployDir());
             ServiceCatalog catalog = new ServiceCatalog(framework)) {
            StringBuilder out = new StringBuilder();
            for (Role role : Roles.ALL) {
                out.append(Roles.type(role).getSimpleName()).append(" (key '").append(role.key()).append("'):\n");
                for (String name : catalog.names(role)) {
                    catalog.bind(role, name, problem -> out.append("  ").append(name).append(" - cannot be used: ")
                            .append(problem).append('\n')).ifPresent(plugin -> describe(out, name, plugin));
                }
            }
            List<String> problems = framework.diagnostics().problems();
            if (!problems.isEmpty()) {
                out.append("Bundles that did not start:\n");
                problems.forEach(problem -> out.append("  ").append(problem).append('\n'));
            }
            System.out.print(out);
        }
        return OK;
    }

    /** Validates the profile exactly as {@code run} does before any work, and says what it would run. */
    private int check(CommandLine cli) throws IOException, BundleException {
        Profile profile = loadProfile(cli, Optional.empty());
        try (EmbeddedFramework framework = EmbeddedFramework.start(distribution, distribution.deployDir());
             ServiceCatalog catalog = new ServiceCatalog(framework)) {
            RunPlan plan = Wiring.plan(profile, catalog, Set.of());
            Experiment experiment = plan.experiment();
            LOG.info("profile '{}' is valid: {} models (steps {}, widths {}, inits {}, {} seeds, {} games, {} "
                    + "densities); probes: {}; analyses: {}; plots: {}", profile.name(), experiment.models(),
                    experiment.steps(), experiment.widths(), experiment.inits(), experiment.seeds().size(),
                    experiment.games().size(), experiment.densities().size(), names(plan.probes()),
                    names(plan.analyses()), names(plan.plots()));
        }
        return OK;
    }

    /** Rebuilds a run folder's report.html. */
    private int report(CommandLine cli) throws IOException {
        ReportPage.write(RunFolder.reopen(cli.resume().orElseThrow()));
        return OK;
    }

    /** The grid's size, the estimated time of each shard on this machine, and the commands that run them. */
    private int plan(CommandLine cli) throws Exception {
        int count = Shard.parse(cli.shard().orElse("0/1"), Map.of()).count();
        Profile profile = loadProfile(cli, Optional.empty());
        Blas.select(profile);
        try (EmbeddedFramework framework = EmbeddedFramework.start(distribution, distribution.deployDir());
             ServiceCatalog catalog = new ServiceCatalog(framework)) {
            RunPlan plan = Wiring.plan(profile, catalog, Set.of());
            ShardEstimate estimate = ShardEstimate.of(plan, count, Calibration.cached());
            System.out.print(PlanReport.text(profile, cli.overrides(), estimate));
        }
        return OK;
    }

    private static String names(List<? extends Bound<?>> bound) {
        return bound.isEmpty() ? "none" : String.join(", ", bound.stream().map(Bound::name).toList());
    }

    private static void describe(StringBuilder out, String name, Plugin plugin) {
        out.append("  ").append(name).append(" - ").append(plugin.description()).append('\n');
        if (!plugin.requires().isEmpty()) {
            out.append("      needs: ").append(String.join(", ", plugin.requires().stream().sorted()
                    .map(Role::key).toList())).append('\n');
        }
        for (OptionSpec option : plugin.options()) {
            String value = option.defaultValue().isEmpty() ? "(empty)" : option.defaultValue();
            out.append("      ").append(name).append('.').append(option.key()).append(" = ").append(value)
                    .append("  (").append(option.allowed()).append(") ")
                    .append(option.description()).append('\n');
        }
    }

    private int run(CommandLine cli) throws IOException, BundleException {
        Shard shard = cli.shard().map(text -> Shard.parse(text, System.getenv())).orElse(Shard.WHOLE);
        Optional<RunFolder> resumed = cli.resume().map(RunFolder::reopen);
        Profile profile = loadProfile(cli, resumed);
        Blas.select(profile);
        Cancellation cancellation = new Cancellation();
        CountDownLatch finished = new CountDownLatch(1);
        AtomicReference<RunRecord> record = new AtomicReference<>();
        Thread hook = new Thread(() -> stopOnSignal(cancellation, finished, record), "minima-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        try (EmbeddedFramework framework = EmbeddedFramework.start(distribution, distribution.deployDir());
             ServiceCatalog catalog = new ServiceCatalog(framework, lost -> stopOnLost(lost, cancellation))) {
            Set<String> existingTables = resumed.map(RunFolder::tables).orElse(Set.of());
            RunPlan plan = Wiring.plan(profile, catalog, existingTables);
            RunFolder folder = folder(cli, shard, resumed, plan);
            if (cli.command().equals("merge") && !mergeable(plan, folder)) {
                return FAILED;
            }
            try (WriterLock lock = WriterLock.acquire(folder, shard, typed(cli.words()))) {
                return execute(plan, folder, cli, resumed.isPresent(), cancellation, record, shard);
            }
        } finally {
            finished.countDown();
            removeHook(hook);
        }
    }

    /** The run folder the command works in: a new one, the resumed one, or a sharded run's shared one. */
    private RunFolder folder(CommandLine cli, Shard shard, Optional<RunFolder> resumed, RunPlan plan)
            throws IOException {
        if (resumed.isPresent()) {
            ResumePolicy.requireSameConfiguration(resumed.get(), plan);
            return resumed.get();
        }
        if (shard.isWhole()) {
            return RunFolder.create(distribution.resultsDir(), plan.profile().name());
        }
        RunFolder shared = RunFolder.openShared(distribution.resultsDir(), plan.profile().name(),
                cli.runId().orElseThrow());
        if (Files.isRegularFile(shared.file(RunFolder.CONFIG))) {
            ResumePolicy.requireSameConfiguration(shared, plan);
        }
        return shared;
    }

    /** Whether every shard's units are on disk; names what is not. */
    private static boolean mergeable(RunPlan plan, RunFolder folder) throws IOException {
        List<String> problems = MergeCheck.problems(plan, folder);
        problems.forEach(problem -> LOG.error("merge: {}", problem));
        if (!problems.isEmpty()) {
            LOG.error("merge {}: {} shard(s) incomplete; nothing was written", folder.path(), problems.size());
        }
        return problems.isEmpty();
    }

    private Profile loadProfile(CommandLine cli, Optional<RunFolder> resumed) {
        if (!cli.profile().isEmpty()) {
            return Profile.load(Profile.locate(cli.profile(), distribution.configDir()), cli.overrides());
        }
        RunFolder folder = resumed.orElseThrow();
        Map<String, String> overrides = new LinkedHashMap<>(cli.overrides());
        if (cli.probesOnly()) {
            overrides.put(Role.PROBE.key(), String.join(", ", cli.probes()));
        }
        return Profile.ofRun(folder, overrides);
    }

    /**
     * What {@code config.properties} records after this command: the plan's configuration, and after
     * {@code probe} also the probes and plots the run had before, so a later resume keeps them.
     */
    private static Map<String, String> configuration(RunPlan plan, RunFolder folder, CommandLine cli) {
        if (!cli.probesOnly()) {
            return plan.resolved();
        }
        Map<String, String> saved = Profile.load(folder.file(RunFolder.CONFIG), Map.of()).values();
        Map<String, String> merged = new TreeMap<>(saved);
        merged.putAll(plan.resolved());
        for (Role role : List.of(Role.PROBE, Role.PLOT)) {
            Set<String> names = new LinkedHashSet<>();
            for (String list : List.of(saved.getOrDefault(role.key(), ""), plan.resolved().get(role.key()))) {
                Arrays.stream(list.split(",")).map(String::trim).filter(n -> !n.isEmpty()).forEach(names::add);
            }
            merged.put(role.key(), String.join(", ", names));
        }
        return merged;
    }

    private int execute(RunPlan plan, RunFolder folder, CommandLine cli, boolean resumed, Cancellation cancellation,
                        AtomicReference<RunRecord> record, Shard shard) throws IOException {
        boolean whole = shard.isWhole();
        try (RunLog ignored = RunLog.to(whole ? folder.file(RunFolder.LOG) : folder.shardFile(shard.label(),
                ".log"))) {
            if (whole || !Files.isRegularFile(folder.file(RunFolder.CONFIG))) {
                folder.writeConfig(configuration(plan, folder, cli), "Resolved configuration of profile '"
                        + plan.profile().name() + "' (every key, defaults included). Resume with: ./minima run "
                        + "--resume " + folder.path());
            }
            RunRecord started = new RunRecord(folder, whole ? folder.recordFile() : folder.shardFile(shard.label(),
                    ".json"), plan.experiment(), List.copyOf(plan.bound()), cli.words(), distribution.home(),
                    resumed);
            if (cli.command().equals("merge")) {
                started.note("shards", folder.shardRecords());
            }
            started.started();
            record.set(started);
            LOG.info("{} run {} of profile '{}' in {}", activity(cli, resumed, shard), folder.runId(),
                    plan.profile().name(), folder.path());
            if (whole && !resumed && plan.trainer().isPresent()) {
                announceDuration(plan);
            }
            try {
                Pipeline pipeline = new Pipeline(plan, folder, cancellation, shard, cli.redoDamaged());
                if (cli.probesOnly()) {
                    pipeline.probe();
                } else {
                    pipeline.run();
                }
                started.ended("succeeded", null);
                LOG.info("run {}{} succeeded; results in {}", folder.runId(), whole ? "" : " shard " + shard,
                        folder.path());
                return OK;
            } catch (CancellationException e) {
                started.ended("interrupted", e.getMessage());
                LOG.warn("run {} interrupted; {}", folder.runId(), whole ? "resume it with ./minima run --resume "
                        + folder.path() : "run the shard again to finish it");
                return INTERRUPTED;
            } catch (InputError e) {
                started.ended("failed", e.getMessage());
                LOG.error("run {} stopped: {}", folder.runId(), e.getMessage());
                return InputError.EXIT_CODE;
            } catch (Exception e) {
                Optional<IOException> full = DiskFull.in(e);
                if (full.isPresent()) {
                    recordQuietly(started, e);
                    LOG.error("run {} stopped: {}", folder.runId(), DiskFull.message(folder, full.get(),
                            plan.experiment().models(), whole ? "./minima run --resume " + folder.path()
                            : "the same command"));
                    LOG.debug("failure", e);
                    return InputError.EXIT_CODE;
                }
                started.ended("failed", ServiceFailure.describe(e));
                LOG.error("run {} failed: {}", folder.runId(), ServiceFailure.describe(e));
                LOG.debug("failure", e);
                return FAILED;
            } finally {
                if (whole) {
                    ReportPage.writeQuietly(folder);
                }
            }
        }
    }

    /** Records the failure in run.json if the full disk still lets it be written. */
    private static void recordQuietly(RunRecord record, Exception error) {
        try {
            record.ended("failed", error.toString());
        } catch (IOException e) {
            LOG.debug("run.json could not record the failure", e);
        }
    }

    /** The grid's size and how long it should take here; a study of many hours is pointed to sharding. */
    private static void announceDuration(RunPlan plan) {
        try {
            int configured = plan.core().getInt("run.threads");
            int threads = configured == 0 ? Runtime.getRuntime().availableProcessors() : configured;
            Calibration.Estimate estimate = Calibration.cached().quickEstimate(plan, threads);
            double hours = estimate.seconds() / 3600;
            LOG.info("grid: {} models; estimated {} on this machine ({} threads; {} of {} sizes calibrated, the rest "
                    + "extrapolated by training cost; ./minima plan {} measures them all)", plan.experiment().models(),
                    hours < 1 ? String.format("%.1f min", hours * 60) : String.format("%.1f h", hours), threads,
                    estimate.calibrated(), estimate.sizes(), plan.profile().name());
            if (hours > LONG_RUN_HOURS) {
                LOG.warn("that is more than {} hours: consider cutting it into shards for a cluster or several "
                        + "machines, ./minima plan {} --shards {} (docs/cluster.md)", LONG_RUN_HOURS,
                        plan.profile().name(), (int) Math.ceil(hours / LONG_RUN_HOURS));
            }
        } catch (Exception e) {
            LOG.debug("no duration estimate: {}", e.toString());
        }
    }

    private static String activity(CommandLine cli, boolean resumed, Shard shard) {
        if (cli.command().equals("merge")) {
            return "merging";
        }
        if (!shard.isWhole()) {
            return "shard " + shard + " of";
        }
        return cli.probesOnly() ? "probing" : resumed ? "resuming" : "starting";
    }

    private static void stopOnLost(String lost, Cancellation cancellation) {
        LOG.error("{}: stopping the run, so that no results mix two versions of a bundle; change deploy/ between runs "
                + "(or use ./minima serve), then resume", lost);
        cancellation.request();
    }

    private static void stopOnSignal(Cancellation cancellation, CountDownLatch finished,
                                     AtomicReference<RunRecord> record) {
        if (finished.getCount() == 0) {
            return;
        }
        LOG.warn("stop requested: finishing the current step and stopping the framework");
        cancellation.request();
        try {
            if (!finished.await(SHUTDOWN_WAIT_SECONDS, TimeUnit.SECONDS) && record.get() != null) {
                record.get().ended("interrupted", "stopped by a signal; the step under way did not finish within "
                        + SHUTDOWN_WAIT_SECONDS + " s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            LOG.warn("could not record the interruption: {}", e.getMessage());
        }
        // once a signal has begun the JVM's shutdown, System.exit cannot set the code: 130 for SIGINT and SIGTERM
        Runtime.getRuntime().halt(INTERRUPTED);
    }

    private static void removeHook(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // the JVM is already running its shutdown hooks (Ctrl-C): nothing to remove
        }
    }
}
