package org.minima.launcher.pipeline;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.minima.api.Table;

/**
 * A per-model table: the key columns of {@link GridPoint#KEY_COLUMNS}, then the columns of what is known of each
 * model. The one place every per-model table (training, curves, evaluation, probes) gets its key columns from.
 */
final class ModelRows {

    private final String name;
    private final List<String> columns;
    private final Table.Builder builder;

    /** A table {@code name} with the key columns, then {@code columns}. */
    ModelRows(String name, List<String> columns) {
        this.name = name;
        this.columns = List.copyOf(columns);
        List<String> all = new ArrayList<>(GridPoint.KEY_COLUMNS);
        all.addAll(columns);
        this.builder = Table.builder(name, all);
    }

    /** One row of {@code point}: its key, then {@code values} (by column; absent ones empty). */
    ModelRows add(GridPoint point, Map<String, ?> values) {
        Map<String, Object> row = new LinkedHashMap<>(point.key());
        row.putAll(values);
        builder.row(row);
        return this;
    }

    /**
     * Every row of {@code rows}, each after {@code point}'s key.
     *
     * @throws IllegalArgumentException naming {@code source} when {@code rows} has other columns than this table's
     */
    ModelRows addAll(GridPoint point, Table rows, String source) {
        if (!rows.columns().equals(columns)) {
            throw new IllegalArgumentException(source + " gave model " + point.id() + " rows with columns "
                    + rows.columns() + ", not the declared " + columns + " of table '" + name + "'");
        }
        for (int row = 0; row < rows.rows().size(); row++) {
            Map<String, Object> values = new LinkedHashMap<>();
            for (String column : columns) {
                values.put(column, rows.value(row, column));
            }
            add(point, values);
        }
        return this;
    }

    Table build() {
        return builder.build();
    }
}
