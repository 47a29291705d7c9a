package org.minima.launcher.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.minima.launcher.config.InputError;

/**
 * The parsed command line: {@code run PROFILE [--set key=value ...] [--resume RUN_FOLDER]},
 * {@code probe RUN_FOLDER PROBE... [--set key=value ...]}, {@code services} or {@code help}.
 *
 * @param command   {@code run}, {@code probe}, {@code services} or {@code help}
 * @param profile   the profile name or path ({@code run} only; may be empty with {@code --resume})
 * @param overrides {@code --set} values in the order given
 * @param resume    the run folder to resume or probe, if any
 * @param probes    the probes to run ({@code probe} only)
 * @param words     the arguments as typed, for the run record
 * @param shard     {@code --shard I/K} or {@code auto/K} ({@code run} only)
 * @param runId     {@code --run-id ID}: the shared run folder {@code results/PROFILE/ID} of a sharded run
 */
public record CommandLine(String command, String profile, Map<String, String> overrides, Optional<Path> resume,
                          List<String> probes, List<String> words, Optional<String> shard, Optional<String> runId) {

    static final String USAGE = """
            usage: minima run PROFILE [--set KEY=VALUE ...]   run a profile (a name in config/ or a .properties path)
                   minima run --resume RESULTS/PROFILE/RUN_ID [--redo-damaged]
                                                               resume a killed or failed run in its folder; with
                                                               --redo-damaged, the work of damaged files is done
                                                               again, the files kept in damaged/
                   minima run PROFILE --shard I/K --run-id ID  train, evaluate and probe the I-th of K slices of
                                                               the grid (I from 0, or auto: from Slurm or Kubernetes)
                                                               in the shared folder results/PROFILE/ID
                   minima merge RESULTS/PROFILE/ID             check every shard's units, then write the run's tables
                                                               and figures
                   minima report RESULTS/PROFILE/RUN_ID        rebuild the run's report.html
                   minima plan PROFILE [--shards K] [--set KEY=VALUE ...]
                                                               the grid's size, estimated hours per shard on this
                                                               machine, and the commands to submit
                   minima check PROFILE [--set KEY=VALUE ...] validate a profile and print its grid; runs nothing
                   minima probe RESULTS/PROFILE/RUN_ID PROBE... [--set KEY=VALUE ...]
                                                               run probes alone on a run's trained models
                   minima serve RESULTS/PROFILE/RUN_ID [--no-shell] [--timeout SECONDS]
                                                               keep the framework running on a run folder: bundles
                                                               dropped into deploy/ run on its models (a Gogo shell
                                                               reads commands unless --no-shell)
                   minima findings RESULTS/PROFILE/RUN_ID NAME [FILE ...]
                                                               keep the run's tables, and FILEs of its folder,
                                                               in docs/findings/NAME with a RUN.md
                   minima new-probe DIR NAME [PACKAGE]         start a probe bundle project of your own in DIR
                   minima services                             list the services installed, by role
                   minima help                                 show this text""";

    static final String REDO_DAMAGED = "--redo-damaged";

    /** Whether finished work whose files are damaged is done again ({@value #REDO_DAMAGED}). */
    boolean redoDamaged() {
        return words.contains(REDO_DAMAGED);
    }

    /** Whether this runs probes alone on an existing run folder. */
    boolean probesOnly() {
        return command.equals("probe");
    }

    static CommandLine parse(String[] args) {
        List<String> words = List.of(args);
        if (args.length == 0 || args[0].equals("help") || args[0].equals("--help") || args[0].equals("-h")) {
            return bare("help", words);
        }
        if (args[0].equals("services")) {
            requireNoMore(args, 1);
            return bare("services", words);
        }
        if (args[0].equals("probe")) {
            return parseProbe(args, words);
        }
        if (args[0].equals("merge") || args[0].equals("report")) {
            if (args.length != 2) {
                throw new InputError(args[0] + " needs one RUN_FOLDER (results/PROFILE/RUN_ID)\n" + USAGE);
            }
            return new CommandLine(args[0], "", Map.of(), Optional.of(Path.of(args[1])), List.of(), words,
                    Optional.empty(), Optional.empty());
        }
        if (args[0].equals("plan")) {
            return parsePlan(args, words);
        }
        if (!args[0].equals("run") && !args[0].equals("check")) {
            throw new InputError("unknown command '" + args[0] + "'; allowed: run, check, plan, probe, merge, report, "
                    + "serve, findings, new-probe, services, help\n"
                    + USAGE);
        }
        CommandLine run = parseRun(args, words);
        if (args[0].equals("check")) {
            if (run.resume().isPresent()) {
                throw new InputError("check takes a PROFILE, not --resume\n" + USAGE);
            }
            return new CommandLine("check", run.profile(), run.overrides(), Optional.empty(), List.of(), words,
                    Optional.empty(), Optional.empty());
        }
        return run;
    }

    /** {@code plan PROFILE [--shards K] [--set ...]}: the shard count is kept as shard {@code 0/K}. */
    private static CommandLine parsePlan(String[] args, List<String> words) {
        List<String> rest = new ArrayList<>(List.of(args));
        String shards = "1";
        int at = rest.indexOf("--shards");
        if (at > 0) {
            rest.remove(at);
            shards = at < rest.size() ? rest.remove(at) : "";
        }
        rest.set(0, "run");
        CommandLine run = parseRun(rest.toArray(String[]::new), words);
        if (run.resume().isPresent() || run.shard().isPresent()) {
            throw new InputError("plan takes a PROFILE and --shards K\n" + USAGE);
        }
        return new CommandLine("plan", run.profile(), run.overrides(), Optional.empty(), List.of(), words,
                Optional.of("0/" + shards), Optional.empty());
    }

    private static CommandLine bare(String command, List<String> words) {
        return new CommandLine(command, "", Map.of(), Optional.empty(), List.of(), words, Optional.empty(),
                Optional.empty());
    }

    private static CommandLine parseRun(String[] args, List<String> words) {
        String profile = "";
        Map<String, String> overrides = new LinkedHashMap<>();
        Path resume = null;
        String shard = null;
        String runId = null;
        boolean redo = false;
        List<String> rest = new ArrayList<>(List.of(args).subList(1, args.length));
        while (!rest.isEmpty()) {
            String word = rest.remove(0);
            switch (word) {
                case "--set" -> addOverride(overrides, next(rest, "--set", "KEY=VALUE"));
                case "--resume" -> resume = Path.of(next(rest, "--resume", "RUN_FOLDER"));
                case "--shard" -> shard = next(rest, "--shard", "I/K");
                case "--run-id" -> runId = next(rest, "--run-id", "ID");
                case REDO_DAMAGED -> redo = true;
                default -> {
                    if (word.startsWith("--set=")) {
                        addOverride(overrides, word.substring("--set=".length()));
                    } else if (word.startsWith("-") || !profile.isEmpty()) {
                        throw new InputError("unexpected argument '" + word + "'\n" + USAGE);
                    } else {
                        profile = word;
                    }
                }
            }
        }
        if (profile.isEmpty() && resume == null) {
            throw new InputError("run needs a PROFILE (a name in config/, for example quick) or --resume RUN_FOLDER\n"
                    + USAGE);
        }
        if (shard != null && (resume != null || runId == null)) {
            throw new InputError("--shard needs --run-id ID (every shard writes into results/PROFILE/ID) and a "
                    + "PROFILE, not --resume: run the shard again to finish it\n" + USAGE);
        }
        if (redo && resume == null && shard == null) {
            throw new InputError(REDO_DAMAGED + " redoes damaged work of an existing run: give --resume RUN_FOLDER, "
                    + "or --shard I/K --run-id ID\n" + USAGE);
        }
        if (runId != null && shard == null) {
            throw new InputError("--run-id names the shared folder of a sharded run: give --shard I/K too\n" + USAGE);
        }
        return new CommandLine("run", profile, overrides, Optional.ofNullable(resume), List.of(), words,
                Optional.ofNullable(shard), Optional.ofNullable(runId));
    }

    private static CommandLine parseProbe(String[] args, List<String> words) {
        Map<String, String> overrides = new LinkedHashMap<>();
        List<String> positional = new ArrayList<>();
        List<String> rest = new ArrayList<>(List.of(args).subList(1, args.length));
        while (!rest.isEmpty()) {
            String word = rest.remove(0);
            if (word.equals("--set")) {
                addOverride(overrides, next(rest, "--set", "KEY=VALUE"));
            } else if (word.startsWith("--set=")) {
                addOverride(overrides, word.substring("--set=".length()));
            } else if (word.startsWith("-")) {
                throw new InputError("unexpected argument '" + word + "'\n" + USAGE);
            } else {
                positional.add(word);
            }
        }
        if (positional.size() < 2) {
            throw new InputError("probe needs a RUN_FOLDER and at least one PROBE (a LandscapeProbe service, for "
                    + "example straight-walk)\n" + USAGE);
        }
        if (overrides.containsKey("probes")) {
            throw new InputError("probe names its probes after the run folder; --set probes=... is not allowed\n"
                    + USAGE);
        }
        return new CommandLine("probe", "", overrides, Optional.of(Path.of(positional.get(0))),
                List.copyOf(positional.subList(1, positional.size())), words, Optional.empty(), Optional.empty());
    }

    private static void addOverride(Map<String, String> overrides, String assignment) {
        int eq = assignment.indexOf('=');
        if (eq <= 0) {
            throw new InputError("--set '" + assignment + "' is not KEY=VALUE, for example --set train.batches=100");
        }
        overrides.put(assignment.substring(0, eq).trim(), assignment.substring(eq + 1).trim());
    }

    private static String next(List<String> rest, String option, String what) {
        if (rest.isEmpty()) {
            throw new InputError(option + " needs " + what + "\n" + USAGE);
        }
        return rest.remove(0);
    }

    private static void requireNoMore(String[] args, int expected) {
        if (args.length > expected) {
            throw new InputError("unexpected argument '" + args[expected] + "'\n" + USAGE);
        }
    }
}
