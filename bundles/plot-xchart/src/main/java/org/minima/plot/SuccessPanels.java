package org.minima.plot;

import java.util.List;
import java.util.stream.IntStream;

import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.minima.api.Table;

/**
 * The panels of Figures 1 and 2, drawn from a success summary: x is the width factor m, one line per n and per
 * value of any other key that varies. The colour of a line stands for its n and its marker for the other keys, so
 * lines of one n read as a family; a line keeps its colour, marker and label in every panel, whatever the size.
 */
final class SuccessPanels {

    private final Table summary;
    private final List<Series.Line> lines;
    private final int[] colours;
    private final int[] markers;
    private final WidthAxis axis;
    private final double[] widths;

    /** @param keys key columns besides {@code steps} that split lines where they vary */
    SuccessPanels(Table summary, List<String> keys) {
        this.summary = summary;
        this.lines = Series.split(summary, List.of("steps"), keys);
        List<String> steps = summary.distinct("steps");
        List<List<String>> variants = IntStream.range(0, summary.rows().size()).mapToObj(r -> variant(r, keys))
                .distinct().toList();
        this.colours = lines.stream().mapToInt(line -> steps.indexOf(summary.text(line.rows().get(0), "steps")))
                .toArray();
        this.markers = lines.stream().mapToInt(line -> variants.indexOf(variant(line.rows().get(0), keys)))
                .toArray();
        this.widths = IntStream.range(0, summary.rows().size()).mapToDouble(r -> summary.number(r, "width"))
                .toArray();
        this.axis = WidthAxis.fit(widths);
    }

    /** Figure 1 at {@code size}: the share of seeds that solve every board, with its Wilson 95% band. */
    XYChart successRate(String size, String title) {
        XYChart chart = panel(title, "share of " + seeds(size) + " that solve all test boards");
        List<Series.Line> drawn = linesAt(size);
        XYSeries band = null;
        // bands first, so that every line is drawn over every band
        for (int i = 0; i < drawn.size(); i++) {
            Series.Line line = drawn.get(i);
            if (!line.rows().isEmpty()) {
                band = Charts.band(chart, line.label() + " interval", x(line),
                        Series.values(summary, line, "success_ci_low"), Series.values(summary, line, "success_ci_high"),
                        Charts.colour(chart, colours[i]));
            }
        }
        for (int i = 0; i < drawn.size(); i++) {
            draw(chart, i, drawn.get(i), "success_rate");
        }
        Charts.legendEntry(chart, "band: 95% Wilson interval over the seeds", band);
        return chart;
    }

    /** Figure 2 at {@code size}: the mean board-exact fraction, each n over its empty-board baseline (dashed). */
    XYChart boardExact(String size, String title) {
        XYChart chart = panel(title, "mean share of boards exactly right (" + seeds(size) + ")");
        List<Series.Line> drawn = linesAt(size);
        XYSeries baseline = null;
        for (int i = 0; i < drawn.size(); i++) {
            Series.Line line = drawn.get(i);
            if (draw(chart, i, line, "mean_board_exact")) {
                baseline = Charts.dashed(chart, line.label() + " empty-board baseline", x(line),
                        Series.values(summary, line, "empty_board_exact"), Charts.colour(chart, colours[i]));
                baseline.setShowInLegend(false);
            }
        }
        Charts.legendEntry(chart, "dashed: empty-board baseline of each n (predict all dead)", baseline);
        return chart;
    }

    /** Draws line {@code i} (restricted to one size) unless it has no point there; says whether it drew. */
    private boolean draw(XYChart chart, int i, Series.Line line, String column) {
        if (line.rows().isEmpty()) {
            return false;
        }
        Charts.line(chart, line.label(), x(line), Series.values(summary, line, column),
                Charts.colour(chart, colours[i]), Charts.marker(markers[i]));
        return true;
    }

    private XYChart panel(String title, String yTitle) {
        XYChart chart = Charts.lineChart(title, axis.title(), yTitle, lines.size() + 1);
        chart.getStyler().setYAxisMin(0.0).setYAxisMax(1.0);
        axis.apply(chart, widths);
        return chart;
    }

    /** Every line restricted to {@code size}, in the same order, so index i keeps its style; some may be empty. */
    private List<Series.Line> linesAt(String size) {
        return lines.stream().map(line -> line.where(summary, "size", size).sortedBy(summary, "width")).toList();
    }

    private double[] x(Series.Line line) {
        return axis.positions(Series.values(summary, line, "width"));
    }

    private List<String> variant(int row, List<String> keys) {
        return keys.stream().map(key -> summary.text(row, key)).toList();
    }

    /** "20 seeds" when every point at {@code size} averages the same number of models, else "seeds". */
    private String seeds(String size) {
        Table rows = summary.where("size", size::equals);
        List<String> counts = IntStream.range(0, rows.rows().size())
                .mapToObj(r -> String.valueOf(Math.round(rows.number(r, "models")))).distinct().toList();
        return counts.size() == 1 ? counts.get(0) + " seeds" : "seeds";
    }
}
