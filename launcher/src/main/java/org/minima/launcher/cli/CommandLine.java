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
 */
public record CommandLine(String command, String profile, Map<String, String> overrides, Optional<Path> resume,
                          List<String> probes, List<String> words) {

    static final String USAGE = """
            usage: minima run PROFILE [--set KEY=VALUE ...]   run a profile (a name in config/ or a .properties path)
                   minima run --resume RESULTS/PROFILE/RUN_ID  resume a killed or failed run in its folder
                   minima check PROFILE [--set KEY=VALUE ...] validate a profile and print its grid; runs nothing
                   minima probe RESULTS/PROFILE/RUN_ID PROBE... [--set KEY=VALUE ...]
                                                               run probes alone on a run's trained models
                   minima serve RESULTS/PROFILE/RUN_ID [--no-shell] [--timeout SECONDS]
                                                               keep the framework running on a run folder: bundles
                                                               dropped into deploy/ run on its models (a Gogo shell
                                                               reads commands unless --no-shell)
                   minima new-probe DIR NAME [PACKAGE]         start a probe bundle project of your own in DIR
                   minima services                             list the services installed, by role
                   minima help                                 show this text""";

    /** Whether this runs probes alone on an existing run folder. */
    boolean probesOnly() {
        return command.equals("probe");
    }

    static CommandLine parse(String[] args) {
        List<String> words = List.of(args);
        if (args.length == 0 || args[0].equals("help") || args[0].equals("--help") || args[0].equals("-h")) {
            return new CommandLine("help", "", Map.of(), Optional.empty(), List.of(), words);
        }
        if (args[0].equals("services")) {
            requireNoMore(args, 1);
            return new CommandLine("services", "", Map.of(), Optional.empty(), List.of(), words);
        }
        if (args[0].equals("probe")) {
            return parseProbe(args, words);
        }
        if (!args[0].equals("run") && !args[0].equals("check")) {
            throw new InputError("unknown command '" + args[0] + "'; allowed: run, check, probe, serve, new-probe, services, help\n"
                    + USAGE);
        }
        CommandLine run = parseRun(args, words);
        if (args[0].equals("check")) {
            if (run.resume().isPresent()) {
                throw new InputError("check takes a PROFILE, not --resume\n" + USAGE);
            }
            return new CommandLine("check", run.profile(), run.overrides(), Optional.empty(), List.of(), words);
        }
        return run;
    }

    private static CommandLine parseRun(String[] args, List<String> words) {
        String profile = "";
        Map<String, String> overrides = new LinkedHashMap<>();
        Path resume = null;
        List<String> rest = new ArrayList<>(List.of(args).subList(1, args.length));
        while (!rest.isEmpty()) {
            String word = rest.remove(0);
            switch (word) {
                case "--set" -> addOverride(overrides, next(rest, "--set", "KEY=VALUE"));
                case "--resume" -> resume = Path.of(next(rest, "--resume", "RUN_FOLDER"));
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
        return new CommandLine("run", profile, overrides, Optional.ofNullable(resume), List.of(), words);
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
                List.copyOf(positional.subList(1, positional.size())), words);
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
