package org.minima.launcher.config;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.minima.api.data.Dataset;
import org.minima.api.eval.Evaluator;
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
 * @param trainer    the trainer, when the run trains
 * @param evaluator  the evaluator, if bound
 * @param analyses   analyses in profile order
 * @param probes     probes in profile order
 * @param plots      plots in profile order
 * @param resolved   every key with its resolved raw value (core and plugin options), for config.properties
 */
public record RunPlan(Profile profile, ResolvedSettings core, Experiment experiment, Bound<Dataset> dataset,
               Optional<Bound<Model>> model, Optional<Bound<Solutions>> solutions, Optional<Bound<Trainer>> trainer,
               Optional<Bound<Evaluator>> evaluator, List<Bound<Analysis>> analyses,
               List<Bound<LandscapeProbe>> probes, List<Bound<Plot>> plots, Map<String, String> resolved) {

    /**
     * Keys that do not change the models or their evaluation, so a resumed run may set them differently: how the
     * run is executed, which analyses, probes and plots run on the models (a probe added on resume runs on the
     * models already trained), and the exact solutions they may use.
     */
    public static final List<String> RESULT_NEUTRAL_KEYS = List.of("run.threads", "run.progress-seconds",
            CoreOptions.ANALYSES, CoreOptions.PROBES, CoreOptions.PLOTS, CoreOptions.SOLUTIONS);

    /** How often progress is logged ({@code run.progress-seconds}). */
    public Duration progressInterval() {
        return Duration.ofMillis(Math.round(core.getDouble("run.progress-seconds") * 1000));
    }
}
