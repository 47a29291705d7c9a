package org.minima.launcher.cli;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Map;

import org.minima.launcher.config.Profile;
import org.minima.launcher.pipeline.ShardEstimate;

/** What {@code minima plan} prints: the grid, each shard's estimated time, and the commands to submit. */
final class PlanReport {

    private PlanReport() {
    }

    static String text(Profile profile, Map<String, String> overrides, ShardEstimate estimate) {
        int count = estimate.shards().size();
        String runId = profile.name() + "-" + LocalDate.now().format(DateTimeFormatter.BASIC_ISO_DATE);
        StringBuilder sets = new StringBuilder();
        overrides.forEach((key, value) -> sets.append(" --set ").append(key).append('=').append(value));
        StringBuilder out = new StringBuilder();
        out.append(String.format("profile '%s': %d models; %d shard(s), each training on %d thread(s)%n",
                profile.name(), estimate.models(), count, estimate.threads()));
        out.append(String.format("estimated on this machine: %s per shard on average, %s the longest%n",
                hours(estimate.meanSeconds()), hours(estimate.longestSeconds())));
        for (int index = 0; index < count; index++) {
            ShardEstimate.Part part = estimate.shards().get(index);
            out.append(String.format("  shard %d/%d: %d models, %s%n", index, count, part.models(),
                    hours(part.seconds())));
        }
        if (count == 1 && estimate.longestSeconds() > 4 * 3600) {
            int suggested = (int) Math.ceil(estimate.longestSeconds() / (4 * 3600));
            out.append(String.format("longer than 4 hours: consider --shards %d%n", suggested));
        }
        out.append("on a Slurm cluster (docs/cluster.md):\n");
        out.append(String.format("  jobid=$(sbatch --parsable --array=0-%d --cpus-per-task=%d "
                + "docs/cluster/minima-array.sbatch %s %s%s)%n", count - 1, estimate.threads(), profile.name(),
                runId, sets));
        out.append(String.format("  sbatch --dependency=afterok:$jobid docs/cluster/minima-merge.sbatch "
                + "results/%s/%s%n", profile.name(), runId));
        out.append("on this machine, one shard after another (or on several machines sharing results/):\n");
        out.append(String.format("  for i in $(seq 0 %d); do ./minima run %s --shard $i/%d --run-id %s%s; done%n",
                count - 1, profile.name(), count, runId, sets));
        out.append(String.format("  ./minima merge results/%s/%s%n", profile.name(), runId));
        return out.toString();
    }

    private static String hours(double seconds) {
        return seconds < 3600 ? String.format("%.1f min", seconds / 60) : String.format("%.1f h", seconds / 3600);
    }
}
