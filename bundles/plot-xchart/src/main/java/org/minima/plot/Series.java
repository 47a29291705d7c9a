package org.minima.plot;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.minima.api.Table;

/**
 * Splits a table into named line series: one per distinct combination of {@code keys} columns, labelled only by the
 * keys that actually vary, with x and y read from two columns.
 */
final class Series {

    /**
     * One series.
     *
     * @param label legend label
     * @param rows  row indices of the table, in table order
     */
    record Line(String label, List<Integer> rows) {
    }

    private Series() {
    }

    static List<Line> split(Table table, List<String> keys) {
        List<String> varying = keys.stream().filter(k -> table.distinct(k).size() > 1).toList();
        Map<String, List<Integer>> groups = new LinkedHashMap<>();
        for (int row = 0; row < table.rows().size(); row++) {
            int r = row;
            String label = varying.stream().map(k -> label(k, table.text(r, k))).collect(Collectors.joining(", "));
            groups.computeIfAbsent(label.isEmpty() ? "all" : label, l -> new ArrayList<>()).add(row);
        }
        return groups.entrySet().stream().map(e -> new Line(e.getKey(), e.getValue())).toList();
    }

    /** The values of {@code column} at {@code line}'s rows. */
    static double[] values(Table table, Line line, String column) {
        return line.rows().stream().mapToDouble(row -> table.number(row, column)).toArray();
    }

    private static String label(String key, String value) {
        return switch (key) {
            case "neighbourhood", "boundary", "rule" -> value;
            case "size" -> value + " boards";
            default -> key + " " + value;
        };
    }
}
