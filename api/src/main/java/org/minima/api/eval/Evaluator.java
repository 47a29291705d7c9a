package org.minima.api.eval;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.minima.api.Plugin;
import org.minima.api.Role;
import org.minima.api.Table;
import org.minima.api.data.Boards;
import org.minima.api.model.Network;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * Scores networks on boards and summarises the scores over seeds. Thread-safe.
 */
@ConsumerType
public interface Evaluator extends Plugin {

    /** The launcher evaluates trained models: an evaluator needs {@link Role#TRAINER} (and so a model). */
    @Override
    default Set<Role> requires() {
        return Set.of(Role.MODEL, Role.TRAINER);
    }

    /** The metric names {@link #evaluate} returns, in column order. */
    List<String> metrics();

    /** Metrics of {@code network} on {@code boards} (inputs are state 0, targets the last state). */
    Map<String, Double> evaluate(Network network, Boards boards);

    /**
     * Summarises a per-model table (key columns plus {@link #metrics()}) into one row per distinct combination of
     * {@code groupBy} columns.
     *
     * @param name the summary table's name
     */
    Table summarise(Table perModel, List<String> groupBy, String name);
}
