package org.minima.launcher.config;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.minima.api.Plugin;
import org.minima.api.Settings;
import org.minima.api.data.Dataset;
import org.minima.api.eval.Evaluator;
import org.minima.api.init.Initializer;
import org.minima.api.model.Model;
import org.minima.api.model.Solutions;
import org.minima.api.probe.LandscapeProbe;
import org.minima.api.run.Analysis;
import org.minima.api.run.Experiment;
import org.minima.api.run.Plot;
import org.minima.api.train.Trainer;

/**
 * A validated profile with its services bound: everything a run needs, decided before any work starts.
 *
 * @param profile    the profile as loaded
 * @param core       the resolved core keys
 * @param experiment the study
 * @param dataset    the board source
 * @param model      the architecture, when the run trains
 * @param solutions  the exact-solution provider, if bound
 * @param inits      the initializers, one per value of the {@code init} axis
 * @param trainer    the trainer, when the run trains
 * @param evaluator  the evaluator, if bound
 * @param analyses   analyses in profile order
 * @param probes     probes in profile order
 * @param plots      plots in profile order
 * @param resolved   every key with its resolved raw value (core and plugin options), for config.properties
 */
public record RunPlan(Profile profile, Settings core, Experiment experiment, Bound<Dataset> dataset,
                      Optional<Bound<Model>> model, Optional<Bound<Solutions>> solutions,
                      List<Bound<Initializer>> inits, Optional<Bound<Trainer>> trainer,
                      Optional<Bound<Evaluator>> evaluator, List<Bound<Analysis>> analyses,
                      List<Bound<LandscapeProbe>> probes, List<Bound<Plot>> plots, Map<String, String> resolved) {

    /** How often progress is logged ({@code run.progress-seconds}). */
    public Duration progressInterval() {
        return Duration.ofMillis(Math.round(core.getDouble("run.progress-seconds") * 1000));
    }

    /** The study as the plugin with {@code settings} sees it. */
    public PlannedStudy study(Settings settings) {
        return new PlannedStudy(experiment, settings, dataset.service(), model.map(Bound::service),
                solutions.map(Bound::service));
    }

    /** The initializer the profile binds under {@code name}. */
    public Bound<Initializer> init(String name) {
        return inits.stream().filter(b -> b.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no initializer '" + name + "' is bound"));
    }

    /** Every bound service, in the order the roles are listed. */
    public List<Bound<? extends Plugin>> bound() {
        List<Bound<? extends Plugin>> all = new ArrayList<>();
        all.add(dataset);
        model.ifPresent(all::add);
        solutions.ifPresent(all::add);
        all.addAll(inits);
        trainer.ifPresent(all::add);
        evaluator.ifPresent(all::add);
        all.addAll(analyses);
        all.addAll(probes);
        all.addAll(plots);
        return all;
    }
}
