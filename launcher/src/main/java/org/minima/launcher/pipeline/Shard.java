package org.minima.launcher.pipeline;

import java.util.Map;

import org.minima.launcher.config.InputError;

/**
 * One of {@code count} deterministic slices of a study's grid, {@code index} counted from 0. Shard 0 of 1 is the
 * whole grid.
 *
 * @param index which slice, 0 .. count − 1
 * @param count how many slices the grid is cut into
 */
public record Shard(int index, int count) {

    /** The whole grid. */
    public static final Shard WHOLE = new Shard(0, 1);
    /** The scheduler variables {@code auto} reads the index from, in this order. */
    static final String SLURM_INDEX = "SLURM_ARRAY_TASK_ID";
    static final String KUBERNETES_INDEX = "JOB_COMPLETION_INDEX";

    public Shard {
        if (count < 1 || index < 0 || index >= count) {
            throw new InputError("--shard " + index + "/" + count + ": the index must be 0 .. " + (count - 1)
                    + " and the count at least 1");
        }
    }

    /**
     * {@code I/K}, or {@code auto/K} with the index from a Slurm job array ({@code SLURM_ARRAY_TASK_ID}: submit
     * {@code --array=0-(K-1)}, and a single failed task again as {@code --array=I}) or a Kubernetes Indexed Job
     * ({@code JOB_COMPLETION_INDEX}).
     */
    public static Shard parse(String text, Map<String, String> environment) {
        int slash = text.indexOf('/');
        if (slash <= 0 || slash == text.length() - 1) {
            throw new InputError("--shard '" + text + "': expected I/K (for example 0/4) or auto/K");
        }
        int count = number(text.substring(slash + 1), text);
        String index = text.substring(0, slash);
        return new Shard(index.equals("auto") ? fromScheduler(environment, text) : number(index, text), count);
    }

    private static int fromScheduler(Map<String, String> environment, String text) {
        if (environment.containsKey(SLURM_INDEX)) {
            return number(environment.get(SLURM_INDEX), SLURM_INDEX);
        }
        if (environment.containsKey(KUBERNETES_INDEX)) {
            return number(environment.get(KUBERNETES_INDEX), KUBERNETES_INDEX);
        }
        throw new InputError("--shard '" + text + "': auto reads the index from " + SLURM_INDEX
                + " (a Slurm job array) or " + KUBERNETES_INDEX + " (a Kubernetes Indexed Job), and neither is set");
    }

    private static int number(String value, String where) {
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new InputError("--shard: '" + value + "' in '" + where + "' is not a whole number");
        }
    }

    public boolean isWhole() {
        return count == 1;
    }

    /** A file-name form, for example {@code 2-of-4}. */
    public String label() {
        return index + "-of-" + count;
    }

    @Override
    public String toString() {
        return index + "/" + count;
    }
}
