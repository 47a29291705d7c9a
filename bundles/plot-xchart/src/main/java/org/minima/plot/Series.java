package org.minima.plot;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.minima.api.Table;

/**
 * Splits a table into named line series: one per distinct combination of key columns, labelled by the keys that
 * always name a line and by the others only where they actually vary, with x and y read from two columns.
 */
final class Series {

    /**
     * One series.
     *
     * @param label legend label
     * @param rows  row indices of the table, in table order unless sorted
     */
    record Line(String label, List<Integer> rows) {

        /** This line's rows whose {@code column} reads {@code value}. */
        Line where(Table table, String column, String value) {
            return new Line(label, rows.stream().filter(row -> table.text(row, column).equals(value)).toList());
        }

        /** This line's rows by increasing number in {@code column}, so that the line is drawn left to right. */
        Line sortedBy(Table table, String column) {
            return new Line(label, rows.stream()
                    .sorted(Comparator.comparingDouble(row -> table.number(row, column))).toList());
        }
    }

    private Series() {
    }

    static List<Line> split(Table table, List<String> keys) {
        return split(table, List.of(), keys);
    }

    /**
     * One line per distinct combination of {@code always} and {@code ifVarying} columns; the label names every
     * {@code always} column and those of {@code ifVarying} that take more than one value in the table.
     */
    static List<Line> split(Table table, List<String> always, List<String> ifVarying) {
        List<String> varying = new ArrayList<>(always);
        ifVarying.stream().filter(k -> table.distinct(k).size() > 1).forEach(varying::add);
        Map<String, List<Integer>> groups = new LinkedHashMap<>();
        for (int row = 0; row < table.rows().size(); row++) {
            int r = row;
            String label = varying.stream().map(k -> label(k, table.text(r, k))).collect(Collectors.joining(", "));
            groups.computeIfAbsent(label.isEmpty() ? "all" : label, l -> new ArrayList<>()).add(row);
        }
        return groups.entrySet().stream().map(e -> new Line(e.getKey(), e.getValue())).toList();
    }

    /**
     * Throws {@link IllegalArgumentException} naming every column of {@code columns} that {@code table} lacks, so a
     * figure fails before drawing anything.
     */
    static void requireColumns(Table table, List<String> columns, String reader) {
        List<String> missing = columns.stream().filter(c -> !table.columns().contains(c)).toList();
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException(reader + " needs column(s) " + missing + " in table '" + table.name()
                    + "', which has " + table.columns());
        }
    }

    /** A model's short label: its n, m and seed when the table has those key columns, else its id. */
    static String modelLabel(Table table, String model) {
        if (!table.columns().containsAll(List.of("steps", "width", "seed"))) {
            return model;
        }
        Table rows = table.where("model", model::equals);
        return "n = " + rows.text(0, "steps") + ", m = " + rows.text(0, "width") + ", seed " + rows.text(0, "seed");
    }

    /** The values of {@code column} at {@code line}'s rows. */
    static double[] values(Table table, Line line, String column) {
        return line.rows().stream().mapToDouble(row -> table.number(row, column)).toArray();
    }

    private static String label(String key, String value) {
        return switch (key) {
            case "neighbourhood", "boundary", "rule", "architecture", "init" -> value;
            case "size" -> value + " boards";
            case "steps" -> "n = " + value;
            case "width" -> "m = " + value;
            default -> key + " " + value;
        };
    }
}
