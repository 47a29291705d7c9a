package org.minima.api.train;

import java.util.Set;

import org.minima.api.Plugin;
import org.minima.api.Role;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * Trains one model. Thread-safe: the launcher calls {@link #train} from several threads at once, one model per
 * thread, and a model trained beside others must come out identical to the same job trained alone.
 */
@ConsumerType
public interface Trainer extends Plugin {

    /** A trainer trains networks of the bound architecture: it needs {@link Role#MODEL}. */
    @Override
    default Set<Role> requires() {
        return Set.of(Role.MODEL);
    }

    /**
     * Trains {@code job} to the end of its protocol.
     *
     * @throws java.util.concurrent.CancellationException when {@code monitor} reports cancellation
     */
    TrainingResult train(TrainingJob job, TrainingMonitor monitor);
}
