package org.minima.launcher.framework;

import java.util.List;
import java.util.Map;

import org.minima.api.Plugin;
import org.minima.api.Role;
import org.minima.api.data.Dataset;
import org.minima.api.eval.Evaluator;
import org.minima.api.init.Initializer;
import org.minima.api.model.Model;
import org.minima.api.model.Solutions;
import org.minima.api.probe.LandscapeProbe;
import org.minima.api.run.Analysis;
import org.minima.api.run.Plot;
import org.minima.api.train.Trainer;

/** The service interface of each {@link Role}, and whether a profile binds one service to it or a list. */
public final class Roles {

    /** The roles in the order {@code ./minima services} lists them. */
    public static final List<Role> ALL = List.of(Role.values());

    private static final Map<Role, Class<? extends Plugin>> TYPES = Map.of(Role.DATASET, Dataset.class,
            Role.MODEL, Model.class, Role.SOLUTIONS, Solutions.class, Role.INITIALIZER, Initializer.class,
            Role.TRAINER, Trainer.class, Role.EVALUATOR, Evaluator.class, Role.ANALYSIS, Analysis.class,
            Role.PROBE, LandscapeProbe.class, Role.PLOT, Plot.class);

    private Roles() {
    }

    /** The interface a service of {@code role} implements. */
    public static Class<? extends Plugin> type(Role role) {
        return TYPES.get(role);
    }

    /** Whether the role's key names a list of services (an axis or a sequence) rather than one. */
    public static boolean isList(Role role) {
        return role == Role.INITIALIZER || role == Role.ANALYSIS || role == Role.PROBE || role == Role.PLOT;
    }
}
