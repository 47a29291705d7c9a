package org.minima.api.model;

import java.io.IOException;
import java.nio.file.Path;

import org.minima.api.Plugin;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * An architecture: builds networks of one form for any {@link ModelSpec} it accepts. Stateless and thread-safe. How
 * a network's parameters start is not its business but an {@link org.minima.api.init.Initializer}'s.
 */
@ConsumerType
public interface Model extends Plugin {

    /**
     * Checks that this architecture can build {@code spec}.
     *
     * @throws IllegalArgumentException naming the unsupported part, when it cannot
     */
    void check(ModelSpec spec);

    /** The structured view of the network's parameters. */
    ParameterLayout layout(ModelSpec spec);

    /** A network of this form with the given parameters. */
    Network network(ModelSpec spec, ParameterVector parameters);

    /** Reads a network written by {@link Network#save}. */
    Network load(Path file) throws IOException;
}
