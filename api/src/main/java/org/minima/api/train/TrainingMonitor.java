package org.minima.api.train;

import org.osgi.annotation.versioning.ProviderType;

/** Lets a trainer report progress and notice cancellation. Implementations are thread-safe. */
@ProviderType
public interface TrainingMonitor {

    /** Called after every {@code batches} more batches have been trained. */
    void batchesDone(int batches);

    /** Whether the run is being stopped; a trainer checks it between batches and then throws. */
    boolean cancelled();
}
