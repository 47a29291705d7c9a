package org.minima.eval;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.minima.api.Table;

/**
 * Summarises per-model scores over the seeds of each group: success count and rate with a Wilson 95% interval,
 * mean and sample standard deviation of the board-exact fraction, mean cell accuracy, loss and empty-board baseline.
 */
final class Summary {

    static final List<String> STATISTICS = List.of("models", "successes", "success_rate", "success_ci_low",
            "success_ci_high", "mean_board_exact", "sd_board_exact", "mean_cell_accuracy", "mean_loss",
            "empty_board_exact");

    private Summary() {
    }

    /**
     * One row per distinct combination of {@code groupBy} values (compared as text, so numbers read back from CSV
     * group with the numbers they were written from), in order of first appearance. The group columns keep the
     * values of the group's first row.
     */
    static Table of(Table perModel, List<String> groupBy, String name) {
        for (String column : List.of(SuccessEvaluator.SUCCESS, SuccessEvaluator.BOARD_EXACT,
                SuccessEvaluator.CELL_ACCURACY, SuccessEvaluator.LOSS, SuccessEvaluator.EMPTY_BOARD_EXACT)) {
            perModel.columnIndex(column);
        }
        Map<List<String>, List<Integer>> groups = perModel.groupRows(groupBy);
        List<String> columns = new ArrayList<>(groupBy);
        columns.addAll(STATISTICS);
        Table.Builder table = Table.builder(name, columns);
        for (List<Integer> rows : groups.values()) {
            List<Object> values = new ArrayList<>();
            groupBy.forEach(column -> values.add(perModel.value(rows.get(0), column)));
            values.addAll(statistics(perModel, rows));
            table.row(values.toArray());
        }
        return table.build();
    }

    private static List<Object> statistics(Table perModel, List<Integer> rows) {
        int models = rows.size();
        int successes = 0;
        for (int row : rows) {
            successes += success(perModel, row) ? 1 : 0;
        }
        Wilson interval = Wilson.interval(successes, models, Wilson.CONFIDENCE_95);
        double[] boardExact = column(perModel, rows, SuccessEvaluator.BOARD_EXACT);
        return List.of(models, successes, (double) successes / models, interval.low(), interval.high(),
                mean(boardExact), sampleSd(boardExact),
                mean(column(perModel, rows, SuccessEvaluator.CELL_ACCURACY)),
                mean(column(perModel, rows, SuccessEvaluator.LOSS)),
                mean(column(perModel, rows, SuccessEvaluator.EMPTY_BOARD_EXACT)));
    }

    /** Reads a success flag; anything but 0 or 1 means the table's columns are not what they claim. */
    private static boolean success(Table perModel, int row) {
        double value = perModel.number(row, SuccessEvaluator.SUCCESS);
        if (value != 0 && value != 1) {
            throw new IllegalArgumentException("table '" + perModel.name() + "', row " + row + ": "
                    + SuccessEvaluator.SUCCESS + " is '" + perModel.text(row, SuccessEvaluator.SUCCESS)
                    + "', expected 0 or 1");
        }
        return value == 1;
    }

    private static double[] column(Table table, List<Integer> rows, String column) {
        return rows.stream().mapToDouble(row -> table.number(row, column)).toArray();
    }

    private static double mean(double[] values) {
        double sum = 0;
        for (double v : values) {
            sum += v;
        }
        return sum / values.length;
    }

    /** Sample standard deviation (n − 1 in the denominator); 0 for a single value, which has no spread to show. */
    private static double sampleSd(double[] values) {
        if (values.length < 2) {
            return 0;
        }
        double mean = mean(values);
        double squares = 0;
        for (double v : values) {
            squares += (v - mean) * (v - mean);
        }
        return Math.sqrt(squares / (values.length - 1));
    }
}
