package org.minima.api.train;

import org.minima.api.Plugin;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Trains one model. Thread-safe: the launcher calls {@link #train} from several threads at once, one model per
 * thread, and a model trained beside others must come out identical to the same job trained alone.
 */
@ProviderType
public interface Trainer extends Plugin {

    /**
     * Trains {@code job} to the end of its protocol.
     *
     * @throws java.util.concurrent.CancellationException when {@code monitor} reports cancellation
     */
    TrainingResult train(TrainingJob job, TrainingMonitor monitor);
}
