package org.minima.api;

import java.util.List;
import java.util.Set;

import org.minima.api.run.Study;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * What every Minima service shares: a one-line description, the profile options it reads, the roles it needs and a
 * check of its settings against the study.
 *
 * <p>Each implementation is registered as an OSGi service with the property {@value #NAME} set to a short,
 * lower-case name (for example {@code gol}); a profile binds a role to an implementation by that name. Options are
 * read from the profile under the prefix {@code NAME.} (for example {@code straight-walk.points}). While validating a
 * profile, before any work starts, the launcher parses the options, refuses the profile when a role in
 * {@link #requires()} is unbound, and calls {@link #check}.
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

    /**
     * The roles that must be bound for this implementation to work, besides its own (a probe that walks to exact
     * solutions needs {@link Role#SOLUTIONS}). The role interfaces give defaults; an override includes them.
     */
    default Set<Role> requires() {
        return Set.of();
    }

    /**
     * Checks this implementation's settings ({@link Study#settings()}) against the resolved study, before any work:
     * a construction that does not fit a width, an option that contradicts the activation. Called once the roles in
     * {@link #requires()} are bound. Does nothing by default.
     *
     * @throws InvalidOption naming the option (or core key) at fault and why, when the study cannot run
     * @throws IllegalArgumentException with the reason, when no single option is at fault
     */
    default void check(Study study) {
    }
}
