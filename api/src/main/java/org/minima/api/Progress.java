package org.minima.api;

import org.osgi.annotation.versioning.ProviderType;

/**
 * A unit of long work being counted: the launcher shows done/total, rate and ETA while it runs.
 * Thread-safe; {@link #close()} marks the work finished and logs the final count.
 */
@ProviderType
public interface Progress extends AutoCloseable {

    /** Records {@code units} more units done. */
    void advance(long units);

    @Override
    void close();
}
