package org.minima.api.probe;

import org.minima.api.Plugin;
import org.minima.api.Table;
import org.minima.api.run.RunContext;
import org.minima.api.train.TrainedModel;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * Examines the loss landscape around one trained model (walks to an exact solution, slices, curvature). The launcher
 * calls it once per trained model, collects the rows into the table {@link #table()} with the model's id in front,
 * and skips models already probed when a run resumes; a probe deployed later runs on models already trained.
 */
@ConsumerType
public interface LandscapeProbe extends Plugin {

    /** Name of the table the probe's rows go to. */
    String table();

    /** The probe's rows for {@code model}; the launcher prepends the model's key columns. */
    Table probe(TrainedModel model, RunContext context) throws Exception;
}
