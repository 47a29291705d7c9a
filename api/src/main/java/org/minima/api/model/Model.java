package org.minima.api.model;

import java.io.IOException;
import java.nio.file.Path;

import org.minima.api.Plugin;
import org.osgi.annotation.versioning.ProviderType;

/**
 * An architecture: builds networks of one form for any {@link ModelSpec} it accepts. Stateless and thread-safe.
 */
@ProviderType
public interface Model extends Plugin {

    /**
     * Checks that this architecture can build {@code spec}.
     *
     * @throws IllegalArgumentException naming the unsupported part, when it cannot
     */
    void check(ModelSpec spec);

    /** The structured view of the network's parameters. */
    ParameterLayout layout(ModelSpec spec);

    /**
     * Fresh parameters: every weight and bias of a layer with fan-in f drawn from U(−1/√f, +1/√f) (PyTorch's default
     * for convolutions). A pure function of (spec, seed).
     */
    ParameterVector initialise(ModelSpec spec, long seed);

    /** A network of this form with the given parameters. */
    Network network(ModelSpec spec, ParameterVector parameters);

    /** Reads a network written by {@link Network#save}. */
    Network load(Path file) throws IOException;
}
