package org.minima.launcher.config;

import java.util.List;
import java.util.Optional;

import org.minima.api.InvalidOption;
import org.minima.api.Plugin;
import org.minima.api.Role;
import org.minima.api.data.DataSpec;
import org.minima.api.data.Density;
import org.minima.api.data.Game;
import org.minima.api.model.ModelSpec;
import org.minima.api.run.Experiment;
import org.minima.launcher.framework.Roles;
import org.minima.launcher.framework.ServiceCatalog;

/**
 * What a bound plan must satisfy before any work: every role a service {@link Plugin#requires() requires} is bound,
 * the dataset and the architecture accept every point of the grid, a batch fits in memory, and every service's own
 * {@link Plugin#check} accepts the study. Adds one problem per failure, naming the key to change.
 */
final class Requirements {

    /** The most cells one batch of boards may hold: they live in one Java array. */
    private static final long MAX_CELLS = Integer.MAX_VALUE - 8;

    private final Profile profile;
    private final RunPlan plan;
    private final ServiceCatalog catalog;
    private final List<String> problems;

    Requirements(Profile profile, RunPlan plan, ServiceCatalog catalog, List<String> problems) {
        this.profile = profile;
        this.plan = plan;
        this.catalog = catalog;
        this.problems = problems;
    }

    void check() {
        plan.bound().forEach(this::requireRoles);
        if (!problems.isEmpty()) {
            return;
        }
        checkGrid();
        if (problems.isEmpty()) {
            plan.bound().forEach(this::checkSettings);
        }
    }

    private void requireRoles(Bound<? extends Plugin> bound) {
        for (Role needed : bound.service().requires()) {
            if (!isBound(needed)) {
                String key = bound.role().key();
                problems.add(profile.originOf(key) + ": key '" + key + "': service '" + bound.name() + "' needs key '"
                        + needed.key() + "' to name a " + Roles.type(needed).getSimpleName() + " service; available: "
                        + available(needed));
            }
        }
    }

    private boolean isBound(Role role) {
        return plan.bound().stream().anyMatch(b -> b.role() == role);
    }

    private String available(Role role) {
        var names = catalog.names(role);
        return names.isEmpty() ? "(none installed)" : String.join(", ", names);
    }

    /** The dataset and the architecture must accept every point of the grid. */
    private void checkGrid() {
        Experiment experiment = plan.experiment();
        checkCells("data.test-boards", experiment.testBoards(),
                Math.max(experiment.testShape().cells(), experiment.trainShape().cells()));
        checkCells("train.batch-size", experiment.training().batchSize(), experiment.trainShape().cells());
        Bound<?> dataset = plan.dataset();
        for (Game game : experiment.games()) {
            for (Density density : experiment.densities()) {
                for (int n : experiment.steps()) {
                    DataSpec train = experiment.trainData(game, density, n);
                    reject(dataset, () -> {
                        plan.dataset().service().check(train);
                        plan.dataset().service().check(train.withShape(experiment.testShape()));
                    });
                }
            }
        }
        plan.model().ifPresent(model -> {
            for (ModelSpec spec : experiment.modelSpecs()) {
                reject(model, () -> model.service().check(spec));
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

    private void checkSettings(Bound<? extends Plugin> bound) {
        reject(bound, () -> bound.service().check(plan.study(bound.settings())));
    }

    /** Runs {@code check}; an exception it throws becomes one problem naming the option at fault when it can. */
    private void reject(Bound<?> bound, Runnable check) {
        try {
            check.run();
        } catch (InvalidOption e) {
            add(invalidOption(bound, e));
        } catch (IllegalArgumentException e) {
            String roleKey = bound.role().key();
            add(profile.originOf(roleKey) + ": service '" + bound.name() + "' (key '" + roleKey
                    + "') rejects this profile: " + e.getMessage());
        }
    }

    private String invalidOption(Bound<?> bound, InvalidOption e) {
        Optional<String> own = bound.settings().keys().contains(e.key()) ? Optional.of(bound.key(e.key()))
                : Optional.empty();
        String key = own.orElse(e.key());
        String value = own.isPresent() ? bound.settings().raw(e.key()) : plan.resolved().getOrDefault(key, "");
        return profile.originOf(key) + ": key '" + key + "' = '" + value + "': service '" + bound.name() + "' (key '"
                + bound.role().key() + "') rejects it: " + e.getMessage();
    }

    private void add(String problem) {
        if (!problems.contains(problem)) {
            problems.add(problem);
        }
    }
}
