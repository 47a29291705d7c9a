package org.minima.launcher.folder;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

import org.minima.launcher.config.InputError;
import org.minima.launcher.config.Profile;

/**
 * A finished run's results kept where a reader can cite them: {@code docs/findings/NAME/} holds the run's resolved
 * configuration, record, training, evaluation and summary tables, the further files named (probe tables, figures),
 * and a {@code RUN.md} that says which command made them, from which commit, with which engine, on which machine and
 * in what wall time. Run folders are not kept; this folder is committed. It is replaced whole (built beside it, then
 * renamed into place), so a reader never sees a mix of two stores.
 */
public final class Findings {

    /** What every findings folder keeps of its run, where the run has it. */
    static final List<String> ALWAYS = List.of(RunFolder.CONFIG, RunFolder.RECORD, "training.csv",
            "evaluation.csv", "summary.csv");
    static final String RUN_MD = "RUN.md";

    private Findings() {
    }

    /**
     * Stores {@code run}'s results as {@code findings/NAME}, with {@code files} (names in the run folder) besides
     * {@link #ALWAYS}; {@code words} is the command as typed, for RUN.md.
     *
     * @return the files written, in the findings folder
     * @throws InputError for a name that is not lower-case words joined by '-', or a file the run lacks
     */
    public static List<Path> store(RunFolder run, Path findings, String name, List<String> files, List<String> words)
            throws IOException {
        if (!name.matches("[a-z0-9]+(-[a-z0-9]+)*")) {
            throw new InputError("findings: NAME '" + name + "' must be lower-case letters and digits joined by '-', "
                    + "for example firner-n3");
        }
        Set<String> kept = new LinkedHashSet<>();
        ALWAYS.stream().filter(file -> Files.isRegularFile(run.path().resolve(file))).forEach(kept::add);
        for (String file : files) {
            if (!Files.isRegularFile(run.path().resolve(file)) || file.contains("/")) {
                throw new InputError("findings: '" + file + "' is not a file of the run folder " + run.path()
                        + "; name files of the folder itself, for example straight_walk.csv or walk.png");
            }
            kept.add(file);
        }
        Path target = findings.resolve(name);
        Path building = findings.resolve("." + name + "." + UUID.randomUUID() + ".tmp");
        Files.createDirectories(building);
        try {
            List<Path> written = new ArrayList<>();
            for (String file : kept) {
                written.add(Files.copy(run.path().resolve(file), building.resolve(file)));
            }
            Files.writeString(building.resolve(RUN_MD), runText(run, name, kept, words));
            written.add(building.resolve(RUN_MD));
            replace(target, building);
            return written.stream().map(file -> target.resolve(file.getFileName())).toList();
        } finally {
            deleteTree(building);
        }
    }

    /** RUN.md: how the stored files were made. */
    static String runText(RunFolder run, String name, Set<String> files, List<String> words) throws IOException {
        Map<String, Object> record = RunFolder.readRecord(run.recordFile());
        Map<String, String> config = Profile.load(run.file(RunFolder.CONFIG), Map.of()).values();
        Map<?, ?> host = record.get("host") instanceof Map<?, ?> map ? map : Map.of();
        Map<?, ?> versions = record.get("versions") instanceof Map<?, ?> map ? map : Map.of();
        StringBuilder text = new StringBuilder("# " + name + "\n\n");
        text.append("Run `").append(record.get("run_id")).append("` of profile `").append(record.get("profile"))
                .append("`, stored with `./minima ").append(String.join(" ", words)).append("`.\n\n");
        text.append("| | |\n|---|---|\n");
        row(text, "command", "`./" + record.get("command") + "`");
        row(text, "status", String.valueOf(record.get("status")));
        String commit = String.valueOf(record.get("git_commit"));
        row(text, "commit", "`" + commit + "`" + (commit.endsWith("-dirty") ? " (the work tree had uncommitted "
                + "changes when the run started; the jars that ran are named by their SHA-256 in `run.json`, "
                + "`bundles`)" : ""));
        row(text, "training engine", "`dl4j.engine = " + config.getOrDefault("dl4j.engine", "?") + "`, BLAS "
                + host.get("blas"));
        row(text, "machine", machine(host));
        row(text, "versions", versions.entrySet().stream().map(e -> e.getKey() + " " + e.getValue())
                .reduce((a, b) -> a + ", " + b).orElse("?"));
        row(text, "wall time", wallTime(record));
        text.append("\nAttempts on the folder (`run.json`, `attempts`):\n\n");
        for (Map<?, ?> attempt : attempts(record)) {
            text.append("- `./").append(attempt.get("command")).append("`: ").append(attempt.get("status"))
                    .append(", ").append(attempt.get("started")).append(" to ").append(attempt.get("ended"))
                    .append(" (").append(duration(attempt).map(Findings::format).orElse("not ended")).append(")\n");
        }
        text.append("\nFiles: ").append(String.join(", ", files.stream().map(f -> "`" + f + "`").toList()))
                .append(". Their columns are described in docs/configuration.md (\"The run folder\").\n");
        return text.toString();
    }

    private static void row(StringBuilder text, String what, String value) {
        text.append("| ").append(what).append(" | ").append(value).append(" |\n");
    }

    private static String machine(Map<?, ?> host) {
        Object cpu = host.get("cpu");
        String model = cpu != null ? String.valueOf(cpu) : "not recorded by this run (stored on: "
                + Host.cpuModel() + ")";
        return model + ", " + host.get("cores") + " cores, " + host.get("os") + ", OMP_NUM_THREADS "
                + host.get("omp_num_threads");
    }

    /** The sum of the attempts' wall times, those that ended. */
    private static String wallTime(Map<String, Object> record) {
        Duration total = attempts(record).stream().map(Findings::duration).flatMap(Optional::stream)
                .reduce(Duration.ZERO, Duration::plus);
        return format(total) + " (the sum of the attempts below)";
    }

    private static Optional<Duration> duration(Map<?, ?> attempt) {
        if (attempt.get("started") == null || attempt.get("ended") == null) {
            return Optional.empty();
        }
        return Optional.of(Duration.between(OffsetDateTime.parse(attempt.get("started").toString()),
                OffsetDateTime.parse(attempt.get("ended").toString())));
    }

    static String format(Duration duration) {
        long seconds = duration.toSeconds();
        return seconds >= 3600 ? String.format("%d h %02d min", seconds / 3600, seconds % 3600 / 60)
                : String.format("%d min %02d s", seconds / 60, seconds % 60);
    }

    private static List<Map<?, ?>> attempts(Map<String, Object> record) {
        List<Map<?, ?>> attempts = new ArrayList<>();
        if (record.get("attempts") instanceof List<?> list) {
            list.stream().filter(Map.class::isInstance).map(a -> (Map<?, ?>) a).forEach(attempts::add);
        }
        return attempts;
    }

    /** Puts {@code building} in {@code target}'s place; an earlier store is removed only once the new one is in. */
    private static void replace(Path target, Path building) throws IOException {
        Path old = target.resolveSibling("." + target.getFileName() + "." + UUID.randomUUID() + ".old");
        boolean existed = Files.exists(target);
        if (existed) {
            Files.move(target, old, StandardCopyOption.ATOMIC_MOVE);
        }
        Files.move(building, target, StandardCopyOption.ATOMIC_MOVE);
        if (existed) {
            deleteTree(old);
        }
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
