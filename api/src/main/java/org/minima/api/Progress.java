package org.minima.api;

/**
 * A unit of long work being counted: the launcher shows done/total, rate and ETA while it runs.
 * Thread-safe; {@link #close()} marks the work finished and logs the final count.
 */
public interface Progress extends AutoCloseable {

    /** Records {@code units} more units done. */
    void advance(long units);

    @Override
    void close();
}
