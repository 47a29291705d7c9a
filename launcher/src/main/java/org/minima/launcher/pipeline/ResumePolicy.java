package org.minima.launcher.pipeline;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;

import org.minima.api.Role;
import org.minima.api.run.Analysis;
import org.minima.launcher.config.Bound;
import org.minima.launcher.config.InputError;
import org.minima.launcher.config.Profile;
import org.minima.launcher.config.RunPlan;
import org.minima.launcher.folder.AtomicFiles;
import org.minima.launcher.folder.RunFolder;
import org.minima.launcher.framework.BundleIdentity;

/**
 * What a resumed run may reuse, in one place. The models (and so training and evaluation) are reused only when
 * every key that shapes them is unchanged: {@link #requireSameConfiguration} refuses anything else. A trained model
 * is reused when its file exists. The tables of an analysis are reused only when the bundle and options that made
 * them are the ones bound now: each records them in {@code stamps/ROLE-NAME.properties} before it starts, and tables
 * made otherwise are discarded and computed again, never mixed with new ones; and only while the tables it read (a
 * probe's, the evaluation's) are as they were when it ran ({@code stamps/ROLE-NAME.inputs}). (A probe's rows are kept
 * apart by bundle and options instead, see {@link ProbeStage}.)
 */
public final class ResumePolicy {

    /**
     * Keys that do not change the models or their evaluation, so a resumed run may set them differently: how the
     * run is executed, which analyses, probes and plots run on the models (a probe added on resume runs on the
     * models already trained), and the exact solutions they may use.
     */
    static final Set<String> RESULT_NEUTRAL_KEYS = Set.of("run.threads", "run.progress-seconds",
            Role.ANALYSIS.key(), Role.PROBE.key(), Role.PLOT.key(), Role.SOLUTIONS.key());
    private static final String STAMPS = "stamps";
    private static final String ABSENT = "absent";
    private static final List<Role> RUN_LEVEL = List.of(Role.ANALYSIS, Role.PROBE, Role.PLOT);

    private final RunFolder folder;

    ResumePolicy(RunFolder folder) {
        this.folder = folder;
    }

    /**
     * Refuses to resume when a key that shapes the models or their evaluation differs from the run's saved
     * configuration. The analyses, probes and plots and their options may change: their stamps decide what of
     * theirs is reused.
     *
     * @throws InputError listing every difference
     */
    public static void requireSameConfiguration(RunFolder folder, RunPlan plan) {
        Map<String, String> saved = Profile.load(folder.file(RunFolder.CONFIG), Map.of()).values();
        Set<String> runLevel = runLevelServices(saved);
        runLevel.addAll(runLevelServices(plan.resolved()));
        Predicate<String> shapesResults = key -> !RESULT_NEUTRAL_KEYS.contains(key)
                && runLevel.stream().noneMatch(name -> key.startsWith(name + "."));
        List<String> differences = new ArrayList<>();
        plan.resolved().forEach((key, value) -> {
            if (shapesResults.test(key) && !value.equals(saved.get(key))) {
                differences.add("'" + key + "' is '" + value + "' here but '" + saved.get(key) + "' in the run");
            }
        });
        saved.keySet().stream().filter(key -> shapesResults.test(key) && !plan.resolved().containsKey(key))
                .forEach(key -> differences.add("'" + key + "' is set in the run but not here"));
        if (!differences.isEmpty()) {
            throw new InputError("--resume " + folder.path() + ": the configuration differs from the run's "
                    + RunFolder.CONFIG + ", so resuming would mix results; differences:\n  - "
                    + String.join("\n  - ", differences));
        }
    }

    /** The analyses, probes and plots a configuration names. */
    public static Set<String> runLevelServices(Map<String, String> configuration) {
        Set<String> names = new HashSet<>();
        for (Role role : RUN_LEVEL) {
            Arrays.stream(configuration.getOrDefault(role.key(), "").split(",")).map(String::trim)
                    .filter(name -> !name.isEmpty()).forEach(names::add);
        }
        return names;
    }

    /**
     * Whether {@code analysis} is done: its tables exist and were made with its current options. Tables made with
     * other options are deleted.
     */
    boolean analysed(Bound<Analysis> analysis) throws IOException {
        List<String> tables = analysis.service().tables();
        List<Path> files = tables.stream().map(t -> folder.file(t + ".csv")).toList();
        return keepOutputs(analysis, files) && !tables.isEmpty() && tables.stream().allMatch(folder::hasTable)
                && sameInputs(analysis);
    }

    /**
     * Records what the tables {@code analysis} read or asked about held when it made its outputs: each table's
     * SHA-256, or {@value #ABSENT}. Its outputs are reused only while every one of them is the same.
     */
    void recordInputs(Bound<Analysis> analysis, Set<String> tables) throws IOException {
        AtomicFiles.writeString(inputsStamp(analysis), inputsText(tables));
    }

    /** Whether the tables the analysis consulted last time are as they were; false when that was not recorded. */
    private boolean sameInputs(Bound<Analysis> analysis) throws IOException {
        Path stamp = inputsStamp(analysis);
        if (!Files.isRegularFile(stamp)) {
            return false;
        }
        String recorded = Files.readString(stamp);
        Set<String> tables = new TreeSet<>();
        recorded.lines().filter(line -> line.contains(" = ")).forEach(line -> tables.add(line.split(" = ")[0]));
        return recorded.equals(inputsText(tables));
    }

    private String inputsText(Set<String> tables) throws IOException {
        StringBuilder text = new StringBuilder("# the tables this analysis consulted and their SHA-256 when it ran\n");
        for (String table : new TreeSet<>(tables)) {
            Path file = folder.file(table + ".csv");
            text.append(table).append(" = ").append(Files.isRegularFile(file) ? BundleIdentity.sha256(file) : ABSENT)
                    .append('\n');
        }
        return text.toString();
    }

    private Path inputsStamp(Bound<Analysis> analysis) {
        return folder.path().resolve(STAMPS).resolve(analysis.role() + "-" + analysis.name() + ".inputs");
    }

    /**
     * Prepares {@code service}'s outputs for reuse: when its stamp records other options than its current ones, the
     * files {@code outputs} lists are deleted; then the stamp records the current options.
     *
     * @return whether outputs made with the current options may be kept
     */
    private boolean keepOutputs(Bound<?> service, List<Path> outputs) throws IOException {
        Path stamp = stamp(service);
        String current = stampText(service);
        boolean same = Files.isRegularFile(stamp) && Files.readString(stamp).equals(current);
        if (!same) {
            for (Path output : outputs) {
                Files.deleteIfExists(output);
            }
            AtomicFiles.writeString(stamp, current);
        }
        return same;
    }

    private Path stamp(Bound<?> service) {
        return folder.path().resolve(STAMPS).resolve(service.role() + "-" + service.name() + ".properties");
    }

    private static String stampText(Bound<?> service) {
        StringBuilder text = new StringBuilder("# the options ").append(service.role()).append(" '")
                .append(service.name()).append("' made its outputs with, and its bundle\n")
                .append("# bundle = ").append(service.origin()).append('\n');
        service.settings().rawValues().forEach((key, value) -> text.append(key).append(" = ").append(value)
                .append('\n'));
        return text.toString();
    }
}
