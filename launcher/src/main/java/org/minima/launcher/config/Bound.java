package org.minima.launcher.config;

import org.minima.api.Plugin;
import org.minima.api.Role;
import org.minima.api.Settings;

/**
 * A service bound to a role, with its name and its resolved options.
 *
 * @param role     the role the profile binds it to
 * @param name     the name the profile used
 * @param service  the service
 * @param settings its options
 */
public record Bound<T extends Plugin>(Role role, String name, T service, Settings settings) {

    /** The profile key of one of its options, for example {@code straight-walk.points}. */
    public String key(String option) {
        return name + "." + option;
    }
}
