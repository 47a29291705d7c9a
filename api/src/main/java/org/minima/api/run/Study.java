package org.minima.api.run;

import java.util.Optional;

import org.minima.api.Settings;
import org.minima.api.data.Dataset;
import org.minima.api.model.Model;
import org.minima.api.model.Solutions;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The resolved study as one plugin sees it, before and during a run: the experiment, that plugin's own settings and
 * the services bound to the roles it may use. {@link org.minima.api.Plugin#check} receives it before any work;
 * {@link RunContext} extends it for the work itself.
 */
@ProviderType
public interface Study {

    /** The resolved study: its axes and protocol. */
    Experiment experiment();

    /** The options of the plugin being called, resolved and validated. */
    Settings settings();

    /** The dataset bound to the run. */
    Dataset dataset();

    /** The architecture bound to the run, if the profile binds one. */
    Optional<Model> model();

    /** The exact-solution provider bound to the run, if the profile binds one. */
    Optional<Solutions> solutions();
}
