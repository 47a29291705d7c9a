package org.minima.launcher.config;

import java.util.List;

/**
 * Bad input from the user: an unknown command, a missing profile, an unknown key, a malformed or out-of-range value,
 * an unknown service name. The launcher prints the message and exits with {@value #EXIT_CODE} before any work starts.
 */
public class InputError extends RuntimeException {

    public static final int EXIT_CODE = 2;

    public InputError(String message) {
        super(message);
    }

    /** One error listing several problems, one per line. */
    static InputError of(List<String> problems) {
        return new InputError(problems.size() == 1 ? problems.get(0)
                : problems.size() + " problems:\n  - " + String.join("\n  - ", problems));
    }
}
