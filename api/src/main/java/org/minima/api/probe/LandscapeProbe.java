package org.minima.api.probe;

import java.util.List;
import java.util.Set;

import org.minima.api.Plugin;
import org.minima.api.Role;
import org.minima.api.Table;
import org.minima.api.run.RunContext;
import org.minima.api.train.TrainedModel;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * Examines the loss landscape around one trained model (walks to an exact solution, slices, curvature). The launcher
 * calls it once per trained model, collects the rows into the table {@link #table()} with the model's key columns in
 * front, and skips models already probed when a run resumes; a probe deployed later runs on models already trained.
 * It is called from several threads at once, one model per thread, so an implementation keeps no mutable state.
 */
@ConsumerType
public interface LandscapeProbe extends Plugin {

    /** Name of the table the probe's rows go to. */
    String table();

    /** The columns of the rows {@link #probe} returns, in order (the launcher puts the model's key columns first). */
    List<String> columns();

    /** A probe examines trained models of the bound architecture: it needs a model and a trainer. */
    @Override
    default Set<Role> requires() {
        return Set.of(Role.MODEL, Role.TRAINER);
    }

    /**
     * The probe's rows for {@code model}, with exactly the columns {@link #columns()}; none when the probe has
     * nothing to say about it. The launcher prepends the model's key columns.
     */
    Table probe(TrainedModel model, RunContext context) throws Exception;
}
