package org.minima.api;

/**
 * Thrown by {@link Plugin#check} when a setting does not fit the study: the launcher reports it with the file (or
 * {@code --set}) that set {@link #key()}, the key, its value and the message, and exits before any work.
 */
public class InvalidOption extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final String key;

    /**
     * @param key     the option at fault, without the plugin's name prefix (for example {@code construction}), or a
     *                core key of the study (for example {@code model.width})
     * @param message what is wrong and what would fit
     */
    public InvalidOption(String key, String message) {
        super(message);
        this.key = key;
    }

    /** The option at fault: one of the plugin's own keys, or a core key. */
    public String key() {
        return key;
    }
}
