package org.minima.api;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * A named result table: ordered columns and rows of values (numbers, text or booleans). The launcher writes each
 * table atomically as {@code NAME.csv} in the run folder and reads it back for plots and later analyses; values read
 * back from a file are text, so read them with {@link #number(int, String)} and {@link #text(int, String)}.
 *
 * @param name    the file stem, for example {@code baseline}; letters, digits, '-' and '_' only
 * @param columns column names, unique
 * @param rows    rows, each with one value per column; null stands for a missing value
 */
public record Table(String name, List<String> columns, List<List<Object>> rows) {

    public Table {
        Objects.requireNonNull(name, "name");
        if (!name.matches("[A-Za-z0-9_-]+")) {
            throw new IllegalArgumentException("table name '" + name + "' must use letters, digits, '-' and '_'");
        }
        columns = List.copyOf(columns);
        if (columns.stream().distinct().count() != columns.size()) {
            throw new IllegalArgumentException("table '" + name + "' has duplicate columns: " + columns);
        }
        List<List<Object>> copy = new ArrayList<>(rows.size());
        for (List<Object> row : rows) {
            if (row.size() != columns.size()) {
                throw new IllegalArgumentException("table '" + name + "': row " + copy.size() + " has " + row.size()
                        + " values for " + columns.size() + " columns");
            }
            copy.add(Collections.unmodifiableList(new ArrayList<>(row)));
        }
        rows = Collections.unmodifiableList(copy);
    }

    /** Starts a table with the given columns. */
    public static Builder builder(String name, List<String> columns) {
        return new Builder(name, columns);
    }

    /** The index of {@code column}; throws {@link IllegalArgumentException} naming the table when it is absent. */
    public int columnIndex(String column) {
        int index = columns.indexOf(column);
        if (index < 0) {
            throw new IllegalArgumentException("table '" + name + "' has no column '" + column + "'; it has "
                    + columns);
        }
        return index;
    }

    /** The raw value in row {@code row}, column {@code column}. */
    public Object value(int row, String column) {
        return rows.get(row).get(columnIndex(column));
    }

    /** The value as text ({@code ""} when missing). */
    public String text(int row, String column) {
        Object value = value(row, column);
        return value == null ? "" : value.toString();
    }

    /** The value as a number; NaN when missing or empty. */
    public double number(int row, String column) {
        Object value = value(row, column);
        if (value instanceof Number number) {
            return number.doubleValue();
        }
        String text = value == null ? "" : value.toString().trim();
        return text.isEmpty() ? Double.NaN : Double.parseDouble(text);
    }

    /** The rows whose value in {@code column} (as text) satisfies {@code test}, as a table of the same name. */
    public Table where(String column, Predicate<String> test) {
        int index = columnIndex(column);
        List<List<Object>> kept = rows.stream()
                .filter(row -> test.test(row.get(index) == null ? "" : row.get(index).toString()))
                .toList();
        return new Table(name, columns, kept);
    }

    /**
     * The row indices grouped by their values of {@code columns} (compared as text, so numbers read back from CSV
     * group as the ones written), groups and the rows in each in order of first appearance.
     */
    public Map<List<String>, List<Integer>> groupRows(List<String> columns) {
        List<Integer> indices = columns.stream().map(this::columnIndex).toList();
        Map<List<String>, List<Integer>> groups = new LinkedHashMap<>();
        for (int r = 0; r < rows.size(); r++) {
            List<Object> row = rows.get(r);
            List<String> key = indices.stream().map(i -> row.get(i) == null ? "" : row.get(i).toString()).toList();
            groups.computeIfAbsent(key, k -> new ArrayList<>()).add(r);
        }
        return groups;
    }

    /** Distinct values of {@code column} as text, in order of first appearance. */
    public List<String> distinct(String column) {
        int index = columnIndex(column);
        return rows.stream().map(row -> row.get(index) == null ? "" : row.get(index).toString()).distinct().toList();
    }

    /** Builds a {@link Table} row by row. Not thread-safe. */
    public static final class Builder {
        private final String name;
        private final List<String> columns;
        private final List<List<Object>> rows = new ArrayList<>();

        private Builder(String name, List<String> columns) {
            this.name = name;
            this.columns = List.copyOf(columns);
        }

        /** Appends a row with one value per column, in column order. */
        public Builder row(Object... values) {
            rows.add(Arrays.asList(values));
            return this;
        }

        /** Appends a row given as column → value; absent columns stay empty. */
        public Builder row(Map<String, ?> values) {
            List<Object> row = new ArrayList<>(columns.size());
            for (String column : columns) {
                row.add(values.get(column));
            }
            rows.add(row);
            return this;
        }

        public Table build() {
            return new Table(name, columns, rows);
        }
    }
}
