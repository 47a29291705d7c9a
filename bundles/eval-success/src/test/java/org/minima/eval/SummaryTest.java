package org.minima.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.minima.api.Table;

/** Grouping, counting and averaging of per-model scores, from numbers and from text read back from CSV. */
class SummaryTest {

    private static final List<String> COLUMNS = List.of("steps", "width", "seed", "success", "board_exact",
            "cell_accuracy", "loss", "empty_board_exact", "empty_cell_accuracy");
    private static final List<String> GROUP_BY = List.of("steps", "width");

    private static final Object[][] ROWS = {
        {1, 1, 1L, 1.0, 1.0, 1.0, 0.01, 0.25, 0.9},
        {1, 2, 1L, 0.0, 0.6, 0.95, 0.20, 0.25, 0.9},
        {1, 1, 2L, 0.0, 0.5, 0.9, 0.30, 0.25, 0.9},
        {2, 1, 1L, 0.0, 0.4, 0.8, 0.50, 0.50, 0.8},
        {1, 1, 3L, 1.0, 1.0, 1.0, 0.02, 0.25, 0.9},
    };

    private final SuccessEvaluator evaluator = new SuccessEvaluator();

    @Test
    void oneRowPerGroupInOrderOfFirstAppearance() {
        Table summary = evaluator.summarise(perModel(false), GROUP_BY, "summary");
        assertEquals("summary", summary.name());
        List<String> expected = new ArrayList<>(GROUP_BY);
        expected.addAll(List.of("models", "successes", "success_rate", "success_ci_low", "success_ci_high",
                "mean_board_exact", "sd_board_exact", "mean_cell_accuracy", "mean_loss", "empty_board_exact"));
        assertEquals(expected, summary.columns());
        assertEquals(3, summary.rows().size());
        List<List<String>> keys = new ArrayList<>();
        for (int row = 0; row < summary.rows().size(); row++) {
            keys.add(List.of(summary.text(row, "steps"), summary.text(row, "width")));
        }
        assertEquals(List.of(List.of("1", "1"), List.of("1", "2"), List.of("2", "1")), keys);
        assertEquals(1, summary.value(0, "steps"), "group columns keep their first row's values");
    }

    @Test
    void countsSuccessesAndAveragesTheSeedsOfAGroup() {
        Table summary = evaluator.summarise(perModel(false), GROUP_BY, "summary");
        Wilson twoOfThree = Wilson.interval(2, 3, Wilson.CONFIDENCE_95);
        assertEquals(3.0, summary.number(0, "models"));
        assertEquals(2.0, summary.number(0, "successes"));
        assertEquals(2.0 / 3, summary.number(0, "success_rate"), 1e-15);
        assertEquals(twoOfThree.low(), summary.number(0, "success_ci_low"));
        assertEquals(twoOfThree.high(), summary.number(0, "success_ci_high"));
        assertEquals(2.5 / 3, summary.number(0, "mean_board_exact"), 1e-15);
        // deviations 1/6, -1/3, 1/6: squares sum to 1/6, over n - 1 = 2 gives 1/12
        assertEquals(Math.sqrt(1.0 / 12), summary.number(0, "sd_board_exact"), 1e-15);
        assertEquals(2.9 / 3, summary.number(0, "mean_cell_accuracy"), 1e-15);
        assertEquals(0.11, summary.number(0, "mean_loss"), 1e-15);
        assertEquals(0.25, summary.number(0, "empty_board_exact"), 1e-15);
    }

    @Test
    void aSingleModelHasNoSpreadAndAWideInterval() {
        Table summary = evaluator.summarise(perModel(false), GROUP_BY, "summary");
        assertEquals(1.0, summary.number(1, "models"));
        assertEquals(0.0, summary.number(1, "successes"));
        assertEquals(0.0, summary.number(1, "sd_board_exact"));
        assertEquals(0.0, summary.number(1, "success_ci_low"));
        assertEquals(Wilson.interval(0, 1, Wilson.CONFIDENCE_95).high(), summary.number(1, "success_ci_high"));
        assertEquals(0.6, summary.number(1, "mean_board_exact"));
    }

    @Test
    void textReadBackFromCsvSummarisesLikeNumbers() {
        Table fromNumbers = evaluator.summarise(perModel(false), GROUP_BY, "summary");
        Table fromText = evaluator.summarise(perModel(true), GROUP_BY, "summary");
        for (int row = 0; row < 3; row++) {
            for (String column : fromNumbers.columns()) {
                assertEquals(fromNumbers.number(row, column), fromText.number(row, column), column);
            }
        }
    }

    @Test
    void groupingByNothingGivesOneRow() {
        Table summary = evaluator.summarise(perModel(false), List.of(), "all");
        assertEquals(1, summary.rows().size());
        assertEquals(5.0, summary.number(0, "models"));
        assertEquals(2.0, summary.number(0, "successes"));
    }

    @Test
    void aSuccessFlagOtherThanZeroOrOneIsRejected() {
        List<List<Object>> rows = new ArrayList<>(perModel(false).rows());
        List<Object> bad = new ArrayList<>(rows.get(0));
        bad.set(COLUMNS.indexOf("success"), 0.5);
        rows.set(0, bad);
        Table table = new Table("models", COLUMNS, rows);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> evaluator.summarise(table, GROUP_BY, "summary"));
        assertTrue(e.getMessage().contains("0.5"), e.getMessage());
    }

    @Test
    void aMissingMetricColumnIsNamed() {
        Table table = new Table("models", List.of("steps", "width", "success"), List.of(List.of(1, 1, 1.0)));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> evaluator.summarise(table, GROUP_BY, "summary"));
        assertTrue(e.getMessage().contains("board_exact"), e.getMessage());
    }

    private static Table perModel(boolean asText) {
        Table.Builder table = Table.builder("models", COLUMNS);
        for (Object[] row : ROWS) {
            Object[] values = row.clone();
            if (asText) {
                for (int i = 0; i < values.length; i++) {
                    values[i] = values[i].toString();
                }
            }
            table.row(values);
        }
        return table.build();
    }
}
