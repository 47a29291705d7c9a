package org.minima.launcher;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.minima.api.OptionSpec;
import org.minima.api.Plugin;
import org.minima.api.data.DataSpec;
import org.minima.api.data.Dataset;
import org.minima.api.data.Density;
import org.minima.api.data.Game;
import org.minima.api.eval.Evaluator;
import org.minima.api.model.Model;
import org.minima.api.model.Solutions;
import org.minima.api.probe.LandscapeProbe;
import org.minima.api.run.Analysis;
import org.minima.api.run.Experiment;
import org.minima.api.run.Plot;
import org.minima.api.train.Trainer;

/**
 * Validates a profile completely and binds its roles to services: core keys, service names, each service's options,
 * unknown keys, and whether the bound services accept every point of the study's grid. Every problem found is
 * reported at once, as an {@link InputError}.
 */
final class Wiring {

    private final Profile profile;
    private final ServiceCatalog catalog;
    private final List<String> problems = new ArrayList<>();
    private final Map<String, String> resolved = new TreeMap<>();
    private final Set<String> knownKeys = new TreeSet<>();

    private Wiring(Profile profile, ServiceCatalog catalog) {
        this.profile = profile;
        this.catalog = catalog;
    }

    /** Checks the core keys alone (before the framework starts), returning them resolved. */
    static ResolvedSettings resolveCore(Profile profile) {
        List<String> problems = new ArrayList<>();
        ResolvedSettings core = OptionResolver.resolve(profile, "", CoreOptions.ALL, problems);
        if (!problems.isEmpty()) {
            throw InputError.of(problems);
        }
        return core;
    }

    /**
     * The bound, validated plan.
     *
     * @throws InputError listing every problem
     */
    static RunPlan plan(Profile profile, ResolvedSettings core, ServiceCatalog catalog) {
        return new Wiring(profile, catalog).plan(core);
    }

    private RunPlan plan(ResolvedSettings core) {
        CoreOptions.ALL.forEach(spec -> {
            knownKeys.add(spec.key());
            resolved.put(spec.key(), core.raw(spec.key()));
        });
        Experiment experiment = ExperimentFactory.build(profile, core, problems);
        Bound<Dataset> dataset = bindOne(Dataset.class, CoreOptions.DATASET, core).orElse(null);
        Optional<Bound<Model>> model = bindOne(Model.class, CoreOptions.MODEL, core);
        Optional<Bound<Solutions>> solutions = bindOne(Solutions.class, CoreOptions.SOLUTIONS, core);
        Optional<Bound<Trainer>> trainer = bindOne(Trainer.class, CoreOptions.TRAINER, core);
        Optional<Bound<Evaluator>> evaluator = bindOne(Evaluator.class, CoreOptions.EVALUATOR, core);
        List<Bound<Analysis>> analyses = bindAll(Analysis.class, CoreOptions.ANALYSES, core);
        List<Bound<LandscapeProbe>> probes = bindAll(LandscapeProbe.class, CoreOptions.PROBES, core);
        List<Bound<Plot>> plots = bindAll(Plot.class, CoreOptions.PLOTS, core);
        // whether the needed key is set, not whether it bound: an unknown name is reported once, under its own key
        boolean modelSet = !core.getString(CoreOptions.MODEL).isEmpty();
        boolean trainerSet = !core.getString(CoreOptions.TRAINER).isEmpty();
        requireTogether(trainer.isPresent(), CoreOptions.TRAINER, modelSet, CoreOptions.MODEL);
        requireTogether(evaluator.isPresent(), CoreOptions.EVALUATOR, trainerSet, CoreOptions.TRAINER);
        requireTogether(!probes.isEmpty(), CoreOptions.PROBES, trainerSet, CoreOptions.TRAINER);
        rejectUnknownKeys();
        if (problems.isEmpty()) {
            checkGrid(experiment, dataset, model);
        }
        if (!problems.isEmpty()) {
            throw InputError.of(problems);
        }
        return new RunPlan(profile, core, experiment, dataset, model, solutions, trainer, evaluator, analyses, probes,
                plots, resolved);
    }

    private <T extends Plugin> Optional<Bound<T>> bindOne(Class<T> role, String key, ResolvedSettings core) {
        String name = core.getString(key);
        return name.isEmpty() ? Optional.empty() : Optional.ofNullable(bind(role, key, name));
    }

    private <T extends Plugin> List<Bound<T>> bindAll(Class<T> role, String key, ResolvedSettings core) {
        List<Bound<T>> bound = new ArrayList<>();
        for (String name : core.getStringList(key)) {
            Bound<T> one = bind(role, key, name);
            if (one != null) {
                bound.add(one);
            }
        }
        return bound;
    }

    private <T extends Plugin> Bound<T> bind(Class<T> role, String key, String name) {
        if (CoreOptions.RESERVED.contains(name)) {
            problems.add(profile.originOf(key) + ": key '" + key + "': '" + name
                    + "' is reserved for core keys and cannot name a service");
            return null;
        }
        T service = catalog.bind(role, name, key, profile.originOf(key), problems);
        if (service == null) {
            return null;
        }
        String prefix = name + ".";
        List<OptionSpec> options = service.options();
        ResolvedSettings settings = OptionResolver.resolve(profile, prefix, options, problems);
        for (OptionSpec spec : options) {
            knownKeys.add(prefix + spec.key());
            resolved.put(prefix + spec.key(), profile.values().getOrDefault(prefix + spec.key(), spec.defaultValue()));
        }
        return new Bound<>(name, service, settings);
    }

    private void requireTogether(boolean present, String key, boolean needed, String neededKey) {
        if (present && !needed) {
            problems.add(profile.originOf(key) + ": key '" + key + "' needs key '" + neededKey
                    + "' to be set as well");
        }
    }

    private void rejectUnknownKeys() {
        for (String key : profile.values().keySet()) {
            if (!knownKeys.contains(key)) {
                problems.add(profile.originOf(key) + ": unknown key '" + key + "'" + suggestion(key));
            }
        }
    }

    private String suggestion(String key) {
        String closest = knownKeys.stream()
                .min(Comparator.comparingInt(known -> Levenshtein.distance(known, key)))
                .orElse("");
        if (!closest.isEmpty() && Levenshtein.distance(closest, key) <= Math.max(2, key.length() / 4)) {
            return "; did you mean '" + closest + "'?";
        }
        String prefix = key.contains(".") ? key.substring(0, key.indexOf('.')) : key;
        return "; keys of service '" + prefix + "' are accepted only when a role names it. Known keys: see "
                + "docs/configuration.md or the run's config.properties";
    }

    private void checkGrid(Experiment experiment, Bound<Dataset> dataset, Optional<Bound<Model>> model) {
        for (Game game : experiment.games()) {
            for (Density density : experiment.densities()) {
                for (int n : experiment.steps()) {
                    check(CoreOptions.DATASET, dataset.name(), () -> {
                        DataSpec train = experiment.trainData(game, density, n);
                        dataset.service().check(train);
                        dataset.service().check(train.withShape(experiment.testShape()));
                    });
                }
            }
        }
        model.ifPresent(m -> {
            for (int n : experiment.steps()) {
                for (int width : experiment.widths()) {
                    check(CoreOptions.MODEL, m.name(), () -> m.service().check(experiment.modelSpec(n, width)));
                }
            }
        });
    }

    private void check(String roleKey, String serviceName, Runnable check) {
        try {
            check.run();
        } catch (IllegalArgumentException e) {
            String problem = profile.originOf(roleKey) + ": service '" + serviceName + "' (key '" + roleKey
                    + "') rejects this profile: " + e.getMessage();
            if (!problems.contains(problem)) {
                problems.add(problem);
            }
        }
    }
}
