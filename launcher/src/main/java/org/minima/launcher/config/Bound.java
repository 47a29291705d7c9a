package org.minima.launcher.config;

import org.minima.api.Plugin;

/**
 * A service bound to a role, with its name and its resolved options.
 *
 * @param name     the name the profile used
 * @param service  the service
 * @param settings its options
 */
public record Bound<T extends Plugin>(String name, T service, ResolvedSettings settings) {
}
