package org.minima.launcher.pipeline;

import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicBoolean;

/** The run-wide stop flag, raised by Ctrl-C (the shutdown hook) and checked between units of work. */
public final class Cancellation {

    private final AtomicBoolean requested = new AtomicBoolean();

    public void request() {
        requested.set(true);
    }

    boolean requested() {
        return requested.get();
    }

    /** Throws {@link CancellationException} when a stop was requested. */
    void check() {
        if (requested.get()) {
            throw new CancellationException("run interrupted");
        }
    }
}
