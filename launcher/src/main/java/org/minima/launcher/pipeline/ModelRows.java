package org.minima.launcher.pipeline;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.minima.api.Table;
import org.minima.api.train.TrainedModel;
import org.minima.launcher.folder.CsvTables;
import org.minima.launcher.folder.DamagedFile;

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

    /** The file of {@code model}'s rows in {@code dir}, a folder of one service's per-model rows. */
    static Path file(Path dir, TrainedModel model) {
        return dir.resolve(model.id() + ".csv");
    }

    /**
     * One model's rows in {@code file}, without key columns.
     *
     * @throws DamagedFile when the file is not a table with this table's columns
     */
    Table read(Path file) throws IOException {
        Table rows;
        try {
            rows = CsvTables.read(name, file);
        } catch (DamagedFile e) {
            throw e.withRemedy(DamagedFile.REDO);
        }
        if (!rows.columns().equals(columns)) {
            throw new DamagedFile(file, "its columns are " + rows.columns() + ", not the " + columns + " of table '"
                    + name + "'", DamagedFile.REDO);
        }
        return rows;
    }

    /** One row of {@code point}: its key, then {@code values} (by column; absent ones empty). */
    ModelRows add(GridPoint point, Map<String, ?> values) {
        Map<String, Object> row = new LinkedHashMap<>(point.key());
        row.putAll(values);
        builder.row(row);
        return this;
    }

    /**
     * Every row of the table in {@code file}, one model's rows, each after {@code point}'s key.
     *
     * @throws DamagedFile when the file is not a table with this table's columns
     */
    ModelRows addAll(GridPoint point, Path file) throws IOException {
        Table rows = read(file);
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
