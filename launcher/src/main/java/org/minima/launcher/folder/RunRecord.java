package org.minima.launcher.folder;

import java.io.IOException;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.minima.api.run.Experiment;
import org.minima.launcher.config.Bound;
import org.minima.launcher.framework.Blas;
import org.minima.launcher.framework.BundleIdentity;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The run's {@code run.json}: the command that created the run, versions, git commit, seeds, host, and every attempt
 * on the folder (the first run, each resume, each probe command) with its command, start, end, status and error.
 * Written when an attempt starts (status {@code running}) and again when it ends ({@code succeeded}, {@code failed}
 * or {@code interrupted}); the top-level status, start and end are the latest attempt's, except for a service run in
 * serve mode, whose outcome is its attempt's alone (a user's probe failing does not make the run failed).
 * {@code bundles} lists every bundle whose services contributed to the folder, by any attempt, with the services it
 * provided.
 */
public final class RunRecord {

    private final Path file;
    private final Map<String, Object> record;
    private final Map<String, Object> attempt = new LinkedHashMap<>();
    private boolean attemptOnly;

    public RunRecord(RunFolder folder, Experiment experiment, List<Bound<?>> services, List<String> words, Path home,
                     boolean resumed) throws IOException {
        this(folder, folder.recordFile(), experiment, services, words, home, resumed);
    }

    /** The same, kept in {@code file} instead of the folder's {@code run.json}: a shard's own record. */
    public RunRecord(RunFolder folder, Path file, Experiment experiment, List<Bound<?>> services, List<String> words,
                     Path home, boolean resumed) throws IOException {
        this.file = file;
        this.record = RunFolder.readRecord(file);
        String command = "minima " + String.join(" ", words);
        record.putIfAbsent("profile", experiment.profile());
        record.putIfAbsent("run_id", folder.runId());
        record.putIfAbsent("command", command);
        record.put("java_command", ProcessHandle.current().info().commandLine().orElse("unknown"));
        record.put("resumed", resumed);
        record.put("versions", Versions.all());
        record.put("git_commit", Versions.gitCommit(home));
        record.put("seeds", experiment.seeds());
        record.put("inits", experiment.inits());
        record.put("test_seed", experiment.testSeed());
        record.put("host", Map.of("cpu", Host.cpuModel(), "cores", Runtime.getRuntime().availableProcessors(),
                "os", System.getProperty("os.name") + " " + System.getProperty("os.arch"),
                "omp_num_threads", String.valueOf(System.getenv("OMP_NUM_THREADS")),
                "nd4j_threads_per_op", Nd4j.getEnvironment().maxThreads(), "blas", Blas.inUse()));
        record.put("bundles", bundles(services));
        attempt.put("command", command);
        attempt.put("git_commit", record.get("git_commit"));
        attempts().add(attempt);
    }

    /** The bundles recorded so far, with those of {@code services} added (one entry per jar). */
    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> bundles(List<Bound<?>> services) {
        Map<String, Map<String, Object>> byJar = new TreeMap<>();
        if (record.get("bundles") instanceof List<?> recorded) {
            recorded.forEach(entry -> {
                Map<String, Object> bundle = (Map<String, Object>) entry;
                byJar.put(bundle.get("bundle") + " " + bundle.get("version") + " " + bundle.get("sha256"), bundle);
            });
        }
        for (Bound<?> service : services) {
            BundleIdentity origin = service.origin();
            Map<String, Object> bundle = byJar.computeIfAbsent(origin.symbolicName() + " " + origin.version() + " "
                    + origin.sha256(), jar -> new LinkedHashMap<>(origin.asMap()));
            Set<Object> provided = new TreeSet<>((List<Object>) bundle.getOrDefault("services", List.of()));
            provided.add(service.role().key() + ":" + service.name());
            bundle.put("services", new ArrayList<>(provided));
        }
        return new ArrayList<>(byJar.values());
    }

    @SuppressWarnings("unchecked")
    private List<Object> attempts() {
        Object attempts = record.get("attempts");
        if (!(attempts instanceof List<?>)) {
            attempts = new ArrayList<>();
            record.put("attempts", attempts);
        }
        return (List<Object>) attempts;
    }

    /** From now on this attempt's status, start and end are its own, not the run's: a service run in serve mode. */
    public void keepStatusToAttempt() {
        attemptOnly = true;
    }

    /** Adds {@code key} to the record, for example the shards a merge gathered. */
    public void note(String key, Object value) {
        record.put(key, value);
    }

    /** Records the start of this attempt. */
    public void started() throws IOException {
        mark("running", null, "started");
        attempt.put("ended", null);
        if (!attemptOnly) {
            record.put("ended", null);
        }
        RunFolder.writeJson(file, record);
    }

    /** Records the end of this attempt with {@code status} and, on failure, the error. */
    public void ended(String status, String error) throws IOException {
        mark(status, error, "ended");
        RunFolder.writeJson(file, record);
    }

    private void mark(String status, String error, String when) {
        String now = now();
        for (Map<String, Object> map : attemptOnly ? List.of(attempt) : List.of(record, attempt)) {
            map.put("status", status);
            map.put(when, now);
            map.put("error", error);
        }
    }

    private static String now() {
        return OffsetDateTime.now().truncatedTo(ChronoUnit.MILLIS).toString();
    }
}
