package org.minima.pairs;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.minima.api.OptionSpec;
import org.minima.api.OptionType;
import org.minima.api.Plugin;
import org.minima.api.Table;
import org.minima.api.run.Analysis;
import org.minima.api.run.RunContext;
import org.osgi.service.component.annotations.Component;

/**
 * Whether an axis of the grid changes success on the same seeds: the models of {@code evaluation.csv} that differ
 * only in one axis of option {@code axis} ({@code init}: an initializer against its sign-flipped variant;
 * {@code density}: two training densities; both may be named) are paired by seed, the axis's first value in the run
 * being the reference. Table {@code paired_success}: one row per axis, grid cell, board size and other value, with
 * the paired counts, both success rates, their difference with its 95% interval
 * ({@link PairedCounts#differenceInterval}) and McNemar's exact p-value; the compared axis's own column is empty in
 * its rows. A seed missing under either value is left out of that cell's pairs.
 */
@Component(service = Analysis.class, property = Plugin.NAME + "=" + PairedSuccess.NAME)
public final class PairedSuccess implements Analysis {

    static final String NAME = "paired-success";
    static final String TABLE = "paired_success";
    static final String EVALUATION = "evaluation";
    static final String AXIS = "axis";
    static final List<String> AXES = List.of("init", "density");
    /** The evaluation's columns that place a model in the grid; {@code seed} pairs, {@code model} names. */
    static final List<String> CELL = List.of("architecture", "rule", "neighbourhood", "boundary", "density", "steps",
            "width", "init", "size");
    static final List<String> COUNTS = List.of("pairs", "both", "reference_only", "other_only", "neither",
            "success_reference", "success_other", "difference", "difference_ci_low", "difference_ci_high",
            "mcnemar_p");

    @Override
    public String description() {
        return "Success of the same seeds under two values of one axis (init or density): paired counts, the "
                + "difference with its 95% interval, McNemar's exact test";
    }

    @Override
    public List<OptionSpec> options() {
        return List.of(new OptionSpec(AXIS, OptionType.STRING_LIST, "init", "The axes whose values are compared on"
                + " the same seeds, one after the other; each axis's first value in the run is its reference.",
                AXES, null, null));
    }

    @Override
    public List<String> tables() {
        return List.of(TABLE);
    }

    @Override
    public void run(RunContext context) throws Exception {
        context.writeTable(pairs(context.readTable(EVALUATION), context.settings().getStringList(AXIS)));
    }

    /** The paired comparisons of {@code evaluation}'s models along each of {@code axes}, in one table. */
    static Table pairs(Table evaluation, List<String> axes) {
        List<String> missing = new ArrayList<>(CELL);
        missing.addAll(List.of("seed", "success"));
        missing.removeAll(evaluation.columns());
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException(NAME + ": table '" + evaluation.name() + "' lacks columns " + missing);
        }
        List<String> columns = new ArrayList<>(CELL);
        columns.addAll(List.of(AXIS, "reference", "other"));
        columns.addAll(COUNTS);
        Table.Builder rows = Table.builder(TABLE, columns);
        for (String axis : axes) {
            pairs(evaluation, axis, rows);
        }
        return rows.build();
    }

    private static void pairs(Table evaluation, String axis, Table.Builder table) {
        List<String> values = evaluation.distinct(axis);
        if (values.size() < 2) {
            throw new IllegalArgumentException(NAME + ": the run has one value of '" + axis + "' (" + values
                    + "), so there is nothing to pair; set " + NAME + "." + AXIS + " to an axis the grid varies");
        }
        List<String> cell = CELL.stream().filter(column -> !column.equals(axis)).toList();
        // cell -> axis value -> seed -> success
        Map<List<String>, Map<String, Map<String, Boolean>>> grid = new LinkedHashMap<>();
        evaluation.groupRows(cell).forEach((key, rows) -> {
            Map<String, Map<String, Boolean>> byValue = new LinkedHashMap<>();
            for (int r : rows) {
                byValue.computeIfAbsent(evaluation.text(r, axis), k -> new LinkedHashMap<>())
                        .put(evaluation.text(r, "seed"), evaluation.number(r, "success") == 1);
            }
            grid.put(key, byValue);
        });
        String reference = values.get(0);
        grid.forEach((key, byValue) -> {
            Map<String, Boolean> base = byValue.getOrDefault(reference, Map.of());
            for (String other : values.subList(1, values.size())) {
                PairedCounts counts = count(base, byValue.getOrDefault(other, Map.of()));
                if (counts.pairs() == 0) {
                    continue;
                }
                List<Object> row = new ArrayList<>(key);
                row.add(CELL.indexOf(axis), "");
                row.addAll(List.of(axis, reference, other));
                row.addAll(values(counts));
                table.row(row.toArray());
            }
        });
    }

    private static PairedCounts count(Map<String, Boolean> reference, Map<String, Boolean> other) {
        int[] cells = new int[4];
        reference.forEach((seed, success) -> {
            Boolean paired = other.get(seed);
            if (paired != null) {
                cells[(success ? 0 : 2) + (paired ? 0 : 1)]++;
            }
        });
        return new PairedCounts(cells[0], cells[1], cells[2], cells[3]);
    }

    private static List<Object> values(PairedCounts counts) {
        double[] interval = counts.differenceInterval();
        int pairs = counts.pairs();
        return List.of(pairs, counts.both(), counts.referenceOnly(), counts.otherOnly(), counts.neither(),
                (double) (counts.both() + counts.referenceOnly()) / pairs,
                (double) (counts.both() + counts.otherOnly()) / pairs, counts.difference(), interval[0], interval[1],
                counts.mcnemarP());
    }
}
