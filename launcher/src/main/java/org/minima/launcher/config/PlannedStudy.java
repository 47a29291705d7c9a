package org.minima.launcher.config;

import java.util.Optional;

import org.minima.api.Settings;
import org.minima.api.data.Dataset;
import org.minima.api.model.Model;
import org.minima.api.model.Solutions;
import org.minima.api.run.Experiment;
import org.minima.api.run.Study;

/**
 * The {@link Study} a plan gives one plugin: the experiment, the plugin's settings and the bound services.
 *
 * @param experiment the resolved study
 * @param settings   the plugin's options
 * @param dataset    the bound dataset
 * @param model      the bound architecture, if any
 * @param solutions  the bound exact solutions, if any
 */
public record PlannedStudy(Experiment experiment, Settings settings, Dataset dataset, Optional<Model> model,
                           Optional<Solutions> solutions) implements Study {
}
