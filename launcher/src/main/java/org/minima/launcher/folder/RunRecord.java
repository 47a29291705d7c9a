package org.minima.launcher.folder;

import java.io.IOException;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.minima.api.run.Experiment;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The run's {@code run.json}: command line, versions, git commit, seeds, start, end and status. Written when the run
 * starts (status {@code running}) and again when it ends ({@code succeeded}, {@code failed} or
 * {@code interrupted}).
 */
public final class RunRecord {

    private final RunFolder folder;
    private final Map<String, Object> record = new LinkedHashMap<>();

    public RunRecord(RunFolder folder, Experiment experiment, List<String> words, Path home, boolean resumed) {
        this.folder = folder;
        record.put("profile", experiment.profile());
        record.put("run_id", folder.runId());
        record.put("command", "minima " + String.join(" ", words));
        record.put("java_command", ProcessHandle.current().info().commandLine().orElse("unknown"));
        record.put("resumed", resumed);
        record.put("status", "running");
        record.put("started", now());
        record.put("ended", null);
        record.put("error", null);
        record.put("versions", Versions.all());
        record.put("git_commit", Versions.gitCommit(home));
        record.put("seeds", experiment.seeds());
        record.put("inits", experiment.inits());
        record.put("test_seed", experiment.testSeed());
        record.put("host", Map.of("cores", Runtime.getRuntime().availableProcessors(),
                "os", System.getProperty("os.name") + " " + System.getProperty("os.arch"),
                "omp_num_threads", String.valueOf(System.getenv("OMP_NUM_THREADS")),
                "nd4j_threads_per_op", Nd4j.getEnvironment().maxThreads()));
    }

    public void started() throws IOException {
        folder.writeRecord(record);
    }

    /** Records the end of the run with {@code status} and, on failure, the error. */
    public void ended(String status, String error) throws IOException {
        record.put("status", status);
        record.put("ended", now());
        record.put("error", error);
        folder.writeRecord(record);
    }

    private static String now() {
        return OffsetDateTime.now().truncatedTo(ChronoUnit.MILLIS).toString();
    }
}
