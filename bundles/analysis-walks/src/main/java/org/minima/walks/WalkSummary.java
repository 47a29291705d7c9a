package org.minima.walks;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.apache.commons.math3.stat.descriptive.DescriptiveStatistics;
import org.minima.api.Plugin;
import org.minima.api.Table;
import org.minima.api.run.Analysis;
import org.minima.api.run.RunContext;
import org.osgi.service.component.annotations.Component;

/**
 * The walls on the run's walks to the exact solution, read from the walk tables the run's probes wrote
 * ({@link #WALKS}: straight, symmetry-aligned, low-loss curve; those the run lacks are passed over). Table
 * {@code walk_barriers}: one row per walk, the walk's table and its model's key columns, then
 * {@link WalkBarriers#COLUMNS} and the end point ({@code construction}, {@code margin}, {@code polish}). Table
 * {@code walk_summary}: one row per walk table and grid cell (every key column but {@code model} and {@code seed}),
 * the number of walks, and for each barrier column its median, minimum and maximum over the seeds.
 */
@Component(service = Analysis.class, property = Plugin.NAME + "=" + WalkSummary.NAME)
public final class WalkSummary implements Analysis {

    static final String NAME = "walk-summary";
    static final String BARRIERS = "walk_barriers";
    static final String SUMMARY = "walk_summary";
    static final List<String> WALKS = List.of("straight_walk", "aligned_walk", "low_loss_curve");
    /** Columns a walk table repeats on every point that describe its end point. */
    static final List<String> END_COLUMNS = List.of("construction", "margin", "polish");
    /** The model's columns that tell its seeds apart, left out of a grid cell. */
    private static final Set<String> PER_SEED = Set.of("model", "seed");
    /** The first column of a walk's own; the launcher puts the model's key columns before it. */
    private static final String FIRST_POINT_COLUMN = "alpha";

    @Override
    public String description() {
        return "Barriers of every walk to the exact solution (loss above both ends, board-exact drop, path length, "
                + "PyTorch's BCE), per model and per (n, m)";
    }

    @Override
    public List<String> tables() {
        return List.of(BARRIERS, SUMMARY);
    }

    @Override
    public void run(RunContext context) throws Exception {
        List<String> present = WALKS.stream().filter(context::hasTable).toList();
        if (present.isEmpty()) {
            throw new IllegalArgumentException(NAME + ": the run has none of the walk tables " + WALKS
                    + "; bind a probe that writes one, for example probes = straight-walk");
        }
        List<Table> walks = new ArrayList<>();
        for (String name : present) {
            walks.add(context.readTable(name));
        }
        List<String> keys = keyColumns(walks.get(0));
        Table barriers = barriers(walks, keys);
        context.writeTable(barriers);
        context.writeTable(summary(barriers, keys));
    }

    /** One row per walk of every table: which table, the model's keys, its barriers and its end point. */
    static Table barriers(List<Table> walks, List<String> keys) {
        List<String> columns = new ArrayList<>(List.of("walk"));
        columns.addAll(keys);
        columns.addAll(WalkBarriers.COLUMNS);
        columns.addAll(END_COLUMNS);
        Table.Builder rows = Table.builder(BARRIERS, columns);
        for (Table walk : walks) {
            if (!keyColumns(walk).equals(keys)) {
                throw new IllegalArgumentException(NAME + ": table '" + walk.name() + "' has key columns "
                        + keyColumns(walk) + ", not " + keys + " as the other walk tables");
            }
            for (List<Integer> model : walk.groupRows(keys).values()) {
                int first = model.get(0);
                List<Object> row = new ArrayList<>(List.of(walk.name()));
                keys.forEach(key -> row.add(walk.text(first, key)));
                row.addAll(WalkBarriers.of(walk, model).values());
                END_COLUMNS.forEach(column -> row.add(walk.text(first, column)));
                rows.row(row.toArray());
            }
        }
        return rows.build();
    }

    /** Per walk table and grid cell, the number of walks and each barrier column's median, minimum and maximum. */
    static Table summary(Table barriers, List<String> keys) {
        List<String> cell = new ArrayList<>(List.of("walk"));
        keys.stream().filter(key -> !PER_SEED.contains(key)).forEach(cell::add);
        List<String> columns = new ArrayList<>(cell);
        columns.add("walks");
        for (String column : WalkBarriers.COLUMNS) {
            columns.addAll(List.of(column + "_median", column + "_min", column + "_max"));
        }
        Table.Builder rows = Table.builder(SUMMARY, columns);
        for (List<Integer> group : barriers.groupRows(cell).values()) {
            List<Object> row = new ArrayList<>();
            cell.forEach(key -> row.add(barriers.text(group.get(0), key)));
            row.add(group.size());
            for (String column : WalkBarriers.COLUMNS) {
                DescriptiveStatistics values = new DescriptiveStatistics();
                group.forEach(r -> values.addValue(barriers.number(r, column)));
                row.addAll(List.of(values.getPercentile(50), values.getMin(), values.getMax()));
            }
            rows.row(row.toArray());
        }
        return rows.build();
    }

    /** The model's key columns of a walk table: those before its first point column. */
    static List<String> keyColumns(Table walk) {
        int first = walk.columns().indexOf(FIRST_POINT_COLUMN);
        if (first < 0 || !walk.columns().containsAll(List.of("l1_to_exact", "loss", "loss_torch", "board_exact"))) {
            throw new IllegalArgumentException(NAME + ": table '" + walk.name() + "' is not a walk table: it needs "
                    + "columns alpha, l1_to_exact, loss, loss_torch and board_exact, and has " + walk.columns());
        }
        return List.copyOf(walk.columns().subList(0, first));
    }
}
