package org.minima.launcher.config;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.minima.api.OptionSpec;
import org.minima.api.Plugin;
import org.minima.api.Role;
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
import org.minima.launcher.folder.RunFolder;
import org.minima.launcher.framework.ServiceCatalog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Validates a profile completely and binds its roles to services: core keys, service names, each service's options,
 * unknown keys, the tables plots need, then (through {@link Requirements}) the roles each service needs and each
 * service's own check of the study. Every problem found is reported at once, as an {@link InputError}, before any
 * work starts.
 */
public final class Wiring {

    private static final Logger LOG = LoggerFactory.getLogger(Wiring.class);

    private final Profile profile;
    private final ServiceCatalog catalog;
    private final List<String> problems = new ArrayList<>();
    private final Map<String, String> resolved = new TreeMap<>();
    private final Set<String> knownKeys = new TreeSet<>();
    private final Set<String> boundNames = new TreeSet<>();

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
        Settings core = resolve("", CoreOptions.ALL);
        boolean coreValid = problems.isEmpty();
        Experiment experiment = coreValid ? ExperimentFactory.build(profile, core, problems) : null;
        Optional<Bound<Dataset>> dataset = bindOne(Role.DATASET, core);
        Optional<Bound<Model>> model = bindOne(Role.MODEL, core);
        Optional<Bound<Solutions>> solutions = bindOne(Role.SOLUTIONS, core);
        List<Bound<Initializer>> inits = bindAll(Role.INITIALIZER, core);
        Optional<Bound<Trainer>> trainer = bindOne(Role.TRAINER, core);
        Optional<Bound<Evaluator>> evaluator = bindOne(Role.EVALUATOR, core);
        List<Bound<Analysis>> analyses = bindAll(Role.ANALYSIS, core);
        List<Bound<LandscapeProbe>> probes = bindAll(Role.PROBE, core);
        List<Bound<Plot>> plots = bindAll(Role.PLOT, core);
        if (coreValid && text(core, Role.DATASET.key()).isEmpty()) {
            problems.add(profile.originOf(Role.DATASET.key()) + ": key 'dataset' must name a Dataset service; "
                    + "available: " + String.join(", ", catalog.names(Role.DATASET)));
        }
        rejectUnknownKeys();
        checkTables(existingTables, trainer.isPresent(), evaluator.isPresent(), analyses, probes, plots);
        if (!problems.isEmpty()) {
            throw InputError.of(problems);
        }
        RunPlan plan = new RunPlan(profile, core, experiment, dataset.orElseThrow(), model, solutions, inits, trainer,
                evaluator, analyses, probes, plots, resolved);
        new Requirements(profile, plan, catalog, problems).check();
        if (!problems.isEmpty()) {
            throw InputError.of(problems);
        }
        return plan;
    }

    /** The options {@code specs} under {@code prefix}, each invalid value a problem naming its source and key. */
    private Settings resolve(String prefix, List<OptionSpec> specs) {
        Map<String, String> given = new HashMap<>();
        for (OptionSpec spec : specs) {
            String key = prefix + spec.key();
            knownKeys.add(key);
            resolved.put(key, profile.values().getOrDefault(key, spec.defaultValue()));
            if (profile.values().containsKey(key)) {
                given.put(spec.key(), profile.values().get(key));
            }
        }
        return Settings.resolve(specs, given, (key, message) -> problems.add(profile.originOf(prefix + key)
                + ": key '" + prefix + key + "': " + message));
    }

    private static String text(Settings core, String key) {
        return core.keys().contains(key) ? core.getString(key) : "";
    }

    private <T extends Plugin> Optional<Bound<T>> bindOne(Role role, Settings core) {
        String name = text(core, role.key());
        return name.isEmpty() ? Optional.empty() : bind(role, name);
    }

    private <T extends Plugin> List<Bound<T>> bindAll(Role role, Settings core) {
        List<Bound<T>> bound = new ArrayList<>();
        for (String name : core.keys().contains(role.key()) ? core.getStringList(role.key()) : List.<String>of()) {
            this.<T>bind(role, name).ifPresent(bound::add);
        }
        return bound;
    }

    private <T extends Plugin> Optional<Bound<T>> bind(Role role, String value) {
        String key = role.key();
        ServiceEntry entry;
        try {
            entry = ServiceEntry.parse(value);
        } catch (IllegalArgumentException e) {
            problems.add(profile.originOf(key) + ": key '" + key + "': " + e.getMessage());
            return Optional.empty();
        }
        if (entry.isVariant() && role != Role.INITIALIZER) {
            problems.add(profile.originOf(key) + ": key '" + key + "': '" + value + "': only key '"
                    + Role.INITIALIZER.key() + "' takes variants NAME:SERVICE (its tables would share one name)");
            return Optional.empty();
        }
        if (CoreOptions.RESERVED.contains(entry.name())) {
            problems.add(profile.originOf(key) + ": key '" + key + "': '" + entry.name()
                    + "' is reserved for core keys and cannot name a service");
            return Optional.empty();
        }
        Optional<T> service = catalog.bind(role, entry.service(), why -> problems.add(profile.originOf(key)
                + ": key '" + key + "': " + why));
        service.ifPresent(s -> boundNames.add(entry.name()));
        return service.map(s -> new Bound<>(role, entry.name(), s, resolve(entry.name() + ".", s.options()),
                catalog.origin(s)));
    }

    /**
     * Unknown keys are errors, except options of an installed service that no role binds: a profile may switch a
     * service off (for example {@code --set analyses=}) without deleting its options.
     */
    private void rejectUnknownKeys() {
        Set<String> installed = catalog.names();
        Map<String, List<String>> unbound = new TreeMap<>();
        for (String key : profile.values().keySet()) {
            if (knownKeys.contains(key)) {
                continue;
            }
            int dot = key.indexOf('.');
            String prefix = dot < 0 ? key : key.substring(0, dot);
            if (dot > 0 && installed.contains(prefix) && !boundNames.contains(prefix)) {
                unbound.computeIfAbsent(prefix, p -> new ArrayList<>()).add(key);
            } else {
                problems.add(profile.originOf(key) + ": unknown key '" + key + "'" + suggestion(key));
            }
        }
        if (!unbound.isEmpty()) {
            LOG.warn("options ignored, of services installed but bound to no role of this profile: {}", unbound
                    .entrySet().stream().map(e -> e.getKey() + " (" + e.getValue().size() + " keys)")
                    .collect(Collectors.joining(", ")));
            unbound.values().stream().flatMap(List::stream).forEach(key -> LOG.debug("{}: key '{}' ignored",
                    profile.originOf(key), key));
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
            analysis.service().tables().forEach(t -> claim(analysis, t, written));
        }
        for (Bound<LandscapeProbe> probe : probes) {
            claim(probe, probe.service().table(), written);
        }
        for (Bound<Plot> plot : plots) {
            List<String> missing = plot.service().tables().stream().filter(t -> !written.contains(t)).toList();
            if (!missing.isEmpty()) {
                problems.add(profile.originOf(Role.PLOT.key()) + ": key 'plots': plot '" + plot.name()
                        + "' draws from " + missing + ", which this run does not write; bind the trainer and "
                        + "evaluator, analysis or probe that writes them");
            }
        }
    }

    private void claim(Bound<?> writer, String table, Set<String> written) {
        String key = writer.role().key();
        if (RunFolder.CORE_TABLES.contains(table)) {
            problems.add(profile.originOf(key) + ": key '" + key + "': service '" + writer.name() + "' writes table '"
                    + table + "', a name the launcher's own tables use " + RunFolder.CORE_TABLES);
        }
        written.add(table);
    }
}
