package org.minima.launcher.pipeline;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.minima.api.probe.LandscapeProbe;
import org.minima.launcher.config.Bound;
import org.minima.launcher.config.InputError;
import org.minima.launcher.config.RunPlan;
import org.minima.launcher.folder.RunFolder;

/**
 * What {@code minima merge} checks before it writes a sharded run's tables: that the shards agree on their count,
 * that none is still running or failed, and that every unit of work — each model's file, its evaluation rows, each
 * probe's rows — is on disk. Problems are named by shard, with the command that redoes it.
 */
public final class MergeCheck {

    private static final Pattern SHARD_RECORD = Pattern.compile("(\\d+)-of-(\\d+)\\.json");

    private MergeCheck() {
    }

    /**
     * The problems of {@code folder} as a merge of {@code plan} sees them; empty when it can be merged.
     *
     * @throws InputError when the folder is not a sharded run
     */
    public static List<String> problems(RunPlan plan, RunFolder folder) throws IOException {
        Map<String, Map<String, Object>> records = folder.shardRecords();
        int count = count(records.keySet(), folder);
        List<String> problems = new ArrayList<>();
        ShardAssignment assignment = ShardAssignment.of(plan, count);
        Map<Integer, List<String>> missing = new TreeMap<>();
        ModelFiles files = new ModelFiles(folder, plan.experiment(), plan.model().orElseThrow().service());
        for (GridPoint point : GridPoint.all(plan.experiment(), plan.model().orElseThrow().name())) {
            List<String> units = missingUnits(plan, folder, files, point);
            if (!units.isEmpty()) {
                missing.computeIfAbsent(assignment.shardOf(point).index(), s -> new ArrayList<>())
                        .add(point.id() + " (" + String.join(", ", units) + ")");
            }
        }
        for (int index = 0; index < count; index++) {
            Shard shard = new Shard(index, count);
            Map<String, Object> record = records.get(shard.label() + ".json");
            String status = record == null ? "never started" : String.valueOf(record.get("status"));
            if (WriterLock.held(folder, shard)) {
                problems.add("shard " + shard + " is still running");
            } else if (missing.containsKey(index) || !"succeeded".equals(status)) {
                List<String> units = missing.getOrDefault(index, List.of());
                problems.add("shard " + shard + " (" + status + (record != null && record.get("error") != null
                        ? ": " + record.get("error") : "") + ") lacks " + units.size() + " of "
                        + assignment.points(shard).size() + " models' units" + (units.isEmpty() ? ""
                        : ": " + String.join("; ", units)) + "; redo it with: "
                        + command(records, plan, folder, shard));
            }
        }
        return problems;
    }

    private static int count(Iterable<String> names, RunFolder folder) {
        Integer count = null;
        for (String name : names) {
            Matcher matcher = SHARD_RECORD.matcher(name);
            if (matcher.matches()) {
                int k = Integer.parseInt(matcher.group(2));
                if (count != null && count != k) {
                    throw new InputError("merge " + folder.path() + ": its shards were cut " + count + " and " + k
                            + " ways (" + RunFolder.SHARDS + "/); run every shard with the same --shard I/K");
                }
                count = k;
            }
        }
        if (count == null) {
            throw new InputError("merge " + folder.path() + ": no shard ever ran here (" + RunFolder.SHARDS
                    + "/ has no records); run the shards with ./minima run PROFILE --shard I/K --run-id ID");
        }
        return count;
    }

    private static List<String> missingUnits(RunPlan plan, RunFolder folder, ModelFiles files, GridPoint point) {
        List<String> units = new ArrayList<>();
        if (!files.finished(point)) {
            units.add("model");
        }
        plan.evaluator().ifPresent(evaluator -> {
            if (!exists(folder, evaluator, point)) {
                units.add("evaluation");
            }
        });
        for (Bound<LandscapeProbe> probe : plan.probes()) {
            if (!exists(folder, probe, point)) {
                units.add("probe " + probe.name());
            }
        }
        return units;
    }

    private static boolean exists(RunFolder folder, Bound<?> service, GridPoint point) {
        Path rows = folder.path().resolve(service.outputFolder()).resolve(point.id() + ".csv");
        return Files.isRegularFile(rows);
    }

    /** A shard's own command when one was recorded, else another shard's with this index. */
    private static String command(Map<String, Map<String, Object>> records, RunPlan plan, RunFolder folder,
                                  Shard shard) {
        Map<String, Object> own = records.get(shard.label() + ".json");
        Object recorded = own != null ? own.get("command") : records.values().stream().map(r -> r.get("command"))
                .filter(c -> c != null).findFirst().orElse(null);
        if (recorded == null) {
            return "./minima run " + plan.profile().name() + " --shard " + shard + " --run-id " + folder.runId();
        }
        return "./" + recorded.toString().replaceAll("--shard \\S+", "--shard " + shard);
    }
}
