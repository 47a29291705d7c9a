package org.minima.launcher.cli;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.minima.launcher.config.InputError;

/**
 * The parsed {@code serve RUN_FOLDER [--no-shell] [--timeout SECONDS]} command line.
 *
 * @param folder  the run folder to serve
 * @param shell   whether the interactive Gogo shell reads the console ({@code --no-shell} turns it off)
 * @param timeout how long one service may run before it is stopped ({@code --timeout}, default one hour)
 * @param words   the arguments as typed
 */
record ServeLine(Path folder, boolean shell, Duration timeout, List<String> words) {

    static final Duration DEFAULT_TIMEOUT = Duration.ofHours(1);

    static ServeLine parse(String[] args) {
        List<String> rest = new ArrayList<>(List.of(args).subList(1, args.length));
        Path folder = null;
        boolean shell = true;
        Duration timeout = DEFAULT_TIMEOUT;
        while (!rest.isEmpty()) {
            String word = rest.remove(0);
            if (word.equals("--no-shell")) {
                shell = false;
            } else if (word.equals("--timeout")) {
                timeout = seconds(rest.isEmpty() ? "" : rest.remove(0));
            } else if (word.startsWith("-") || folder != null) {
                throw new InputError("unexpected argument '" + word + "'\n" + CommandLine.USAGE);
            } else {
                folder = Path.of(word);
            }
        }
        if (folder == null) {
            throw new InputError("serve needs a RUN_FOLDER (results/PROFILE/RUN_ID)\n" + CommandLine.USAGE);
        }
        return new ServeLine(folder, shell, timeout, List.of(args));
    }

    private static Duration seconds(String value) {
        try {
            long seconds = Long.parseLong(value);
            if (seconds >= 1) {
                return Duration.ofSeconds(seconds);
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new InputError("--timeout '" + value + "': must be a whole number of seconds, at least 1");
    }
}
