package org.minima.api;

import java.util.List;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * What every Minima service shares: a one-line description and the profile options it reads.
 *
 * <p>Each implementation is registered as an OSGi service with the property {@value #NAME} set to a short,
 * lower-case name (for example {@code gol}); a profile binds a role to an implementation by that name. Options are
 * read from the profile under the prefix {@code NAME.} (for example {@code walk.points}) and validated by the launcher
 * before any work starts.
 */
@ConsumerType
public interface Plugin {

    /** Service property carrying the name a profile uses to select an implementation. */
    String NAME = "minima.name";

    /** One line saying what this implementation provides, shown by {@code ./minima services}. */
    String description();

    /** The options this implementation reads, without the name prefix; empty when it has none. */
    default List<OptionSpec> options() {
        return List.of();
    }
}
