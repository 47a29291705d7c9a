package org.minima.launcher.config;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
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
import org.minima.launcher.folder.RunFolder;
import org.minima.launcher.framework.ServiceCatalog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Validates a profile completely and binds its roles to services: core keys, service names, each service's options,
 * unknown keys, the tables plots need, and whether the bound services accept every point of the study's grid. Every
 * problem found is reported at once, as an {@link InputError}, before any work starts.
 */
public final class Wiring {


    private static final Logger LOG = LoggerFactory.getLogger(Wiring.class);
    /** The most cells one batch of boards may hold: they live in one Java array. */
    private static final long MAX_CELLS = Integer.MAX_VALUE - 8;

    private final Profile profile;
    private final ServiceCatalog catalog;
    private final List<String> problems = new ArrayList<>();
    private final Map<String, String> resolved = new TreeMap<>();
    private final Set<String> knownKeys = new TreeSet<>();

    private Wiring(Profile profile, ServiceCatalog catalog) {
        this.profile = profile;
        this.catalog = catalog;
    }

    /**
     * The bound, validated plan.
     *
     * @param existingTables tables the run folder already holds (a resumed run), which plots may draw from
     * @throws InputError listing every problem
     */
    public static RunPlan plan(Profile profile, ServiceCatalog catalog, Set<String> existingTables) {
        return new Wiring(profile, catalog).plan(existingTables);
    }

    private RunPlan plan(Set<String> existingTables) {
        ResolvedSettings core = OptionResolver.resolve(profile, "", CoreOptions.ALL, problems);
        boolean coreValid = problems.isEmpty();
        for (OptionSpec spec : CoreOptions.ALL) {
            knownKeys.add(spec.key());
            if (core.keys().contains(spec.key())) {
                resolved.put(spec.key(), core.raw(spec.key()));
            }
        }
        Experiment experiment = coreValid ? ExperimentFactory.build(profile, core, problems) : null;
        Optional<Bound<Dataset>> dataset = bindOne(Dataset.class, CoreOptions.DATASET, core);
        Optional<Bound<Model>> model = bindOne(Model.class, CoreOptions.MODEL, core);
        Optional<Bound<Solutions>> solutions = bindOne(Solutions.class, CoreOptions.SOLUTIONS, core);
        Optional<Bound<Trainer>> trainer = bindOne(Trainer.class, CoreOptions.TRAINER, core);
        Optional<Bound<Evaluator>> evaluator = bindOne(Evaluator.class, CoreOptions.EVALUATOR, core);
        List<Bound<Analysis>> analyses = bindAll(Analysis.class, CoreOptions.ANALYSES, core);
        List<Bound<LandscapeProbe>> probes = bindAll(LandscapeProbe.class, CoreOptions.PROBES, core);
        List<Bound<Plot>> plots = bindAll(Plot.class, CoreOptions.PLOTS, core);
        if (coreValid && text(core, CoreOptions.DATASET).isEmpty()) {
            problems.add(profile.originOf(CoreOptions.DATASET) + ": key 'dataset' must name a Dataset service; "
                    + "available: " + String.join(", ", catalog.all(Dataset.class).keySet()));
        }
        // whether the needed key is set, not whether it bound: an unknown name is reported once, under its own key
        boolean modelSet = !text(core, CoreOptions.MODEL).isEmpty();
        boolean trainerSet = !text(core, CoreOptions.TRAINER).isEmpty();
        requireTogether(trainer.isPresent(), CoreOptions.TRAINER, modelSet, CoreOptions.MODEL);
        requireTogether(evaluator.isPresent(), CoreOptions.EVALUATOR, trainerSet, CoreOptions.TRAINER);
        requireTogether(!probes.isEmpty(), CoreOptions.PROBES, trainerSet, CoreOptions.TRAINER);
        rejectUnknownKeys();
        checkTables(existingTables, trainer.isPresent(), evaluator.isPresent(), analyses, probes, plots);
        if (problems.isEmpty()) {
            checkGrid(experiment, dataset.orElseThrow(), model);
        }
        if (!problems.isEmpty()) {
            throw InputError.of(problems);
        }
        return new RunPlan(profile, core, experiment, dataset.orElseThrow(), model, solutions, trainer, evaluator,
                analyses, probes, plots, resolved);
    }

    private static String text(ResolvedSettings core, String key) {
        return core.keys().contains(key) ? core.getString(key) : "";
    }

    private <T extends Plugin> Optional<Bound<T>> bindOne(Class<T> role, String key, ResolvedSettings core) {
        String name = text(core, key);
        return name.isEmpty() ? Optional.empty() : Optional.ofNullable(bind(role, key, name));
    }

    private <T extends Plugin> List<Bound<T>> bindAll(Class<T> role, String key, ResolvedSettings core) {
        List<Bound<T>> bound = new ArrayList<>();
        for (String name : core.keys().contains(key) ? core.getStringList(key) : List.<String>of()) {
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

    /**
     * Unknown keys are errors, except options of an installed service that no role binds: a profile may switch a
     * service off (for example {@code --set analyses=}) without deleting its options.
     */
    private void rejectUnknownKeys() {
        Set<String> installed = catalog.names();
        for (String key : profile.values().keySet()) {
            if (knownKeys.contains(key)) {
                continue;
            }
            int dot = key.indexOf('.');
            String prefix = dot < 0 ? key : key.substring(0, dot);
            if (dot > 0 && installed.contains(prefix)) {
                LOG.warn("{}: key '{}' ignored: service '{}' is installed but no role of this profile binds it",
                        profile.originOf(key), key, prefix);
            } else {
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
        return "; keys are the core keys and the options of the services the roles bind: see "
                + "docs/configuration.md or ./minima services";
    }

    /** Plots must find their tables; analyses and probes may not take the names of the launcher's own tables. */
    private void checkTables(Set<String> existing, boolean trains, boolean evaluates, List<Bound<Analysis>> analyses,
                             List<Bound<LandscapeProbe>> probes, List<Bound<Plot>> plots) {
        Set<String> written = new HashSet<>(existing);
        if (trains) {
            written.addAll(List.of(RunFolder.TRAINING_TABLE, RunFolder.CURVES_TABLE));
        }
        if (evaluates) {
            written.addAll(List.of(RunFolder.EVALUATION_TABLE, RunFolder.SUMMARY_TABLE));
        }
        for (Bound<Analysis> analysis : analyses) {
            analysis.service().tables().forEach(t -> claim(CoreOptions.ANALYSES, analysis.name(), t, written));
        }
        for (Bound<LandscapeProbe> probe : probes) {
            claim(CoreOptions.PROBES, probe.name(), probe.service().table(), written);
        }
        for (Bound<Plot> plot : plots) {
            List<String> missing = plot.service().tables().stream().filter(t -> !written.contains(t)).toList();
            if (!missing.isEmpty()) {
                problems.add(profile.originOf(CoreOptions.PLOTS) + ": key 'plots': plot '" + plot.name()
                        + "' draws from " + missing + ", which this run does not write; bind the trainer and "
                        + "evaluator, analysis or probe that writes them");
            }
        }
    }

    private void claim(String key, String service, String table, Set<String> written) {
        if (RunFolder.CORE_TABLES.contains(table)) {
            problems.add(profile.originOf(key) + ": key '" + key + "': service '" + service + "' writes table '"
                    + table + "', a name the launcher's own tables use " + RunFolder.CORE_TABLES);
        }
        written.add(table);
    }

    private void checkGrid(Experiment experiment, Bound<Dataset> dataset, Optional<Bound<Model>> model) {
        checkCells("data.test-boards", experiment.testBoards(),
                Math.max(experiment.testShape().cells(), experiment.trainShape().cells()));
        checkCells("train.batch-size", experiment.training().batchSize(), experiment.trainShape().cells());
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

    /** Boards of a batch live in one Java array; say so before training rather than after. */
    private void checkCells(String key, long boards, long cellsPerBoard) {
        if (boards * cellsPerBoard > MAX_CELLS) {
            problems.add(profile.originOf(key) + ": key '" + key + "' = '" + boards + "': " + boards + " boards of "
                    + cellsPerBoard + " cells exceed the " + MAX_CELLS + " cells one batch can hold");
        }
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
