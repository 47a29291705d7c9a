package org.minima.plot;

import java.awt.Color;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.knowm.xchart.HeatMapChart;
import org.knowm.xchart.HeatMapChartBuilder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.internal.chartpart.Chart;
import org.minima.api.Plugin;
import org.minima.api.Table;
import org.minima.api.run.Plot;
import org.minima.api.run.RunContext;
import org.osgi.service.component.annotations.Component;

/**
 * The loss slices of the probe {@code loss-slice}: for 2-D slices, one heat map of log₁₀ of the loss per model and
 * centre (trained model, exact solution) over the plane of the two directions, the map of Li et al.'s contour plots;
 * for 1-D slices, the loss (log scale) along the direction, one line per model, a panel per centre. Writes
 * {@code slices.png}.
 */
@Component(service = Plot.class, property = Plugin.NAME + "=" + SliceFigure.NAME)
public final class SliceFigure implements Plot {

    static final String NAME = "slice-figure";
    static final String TABLE = "loss_slice";
    static final List<String> REQUIRED = List.of("model", "centre", "x", "y", "loss");

    @Override
    public String description() {
        return "slices.png: the loss around each trained model and the exact solution along random directions";
    }

    @Override
    public List<String> tables() {
        return List.of(TABLE);
    }

    @Override
    public void draw(RunContext context) throws Exception {
        Table slices = context.readTable(TABLE);
        Series.requireColumns(slices, REQUIRED, NAME);
        if (slices.rows().isEmpty()) {
            throw new IllegalArgumentException(NAME + ": table '" + TABLE + "' has no rows: no model was sliced");
        }
        List<String> centres = slices.distinct("centre");
        List<Chart<?, ?>> charts = new ArrayList<>();
        boolean plane = slices.distinct("y").size() > 1;
        if (plane) {
            for (String model : slices.distinct("model")) {
                for (String centre : centres) {
                    charts.add(heatMap(slices.where("model", model::equals).where("centre", centre::equals),
                            Series.modelLabel(slices, model) + ", around the " + centre + " point"));
                }
            }
        } else {
            for (String centre : centres) {
                charts.add(lines(slices.where("centre", centre::equals), "Loss along a direction around the "
                        + centre + " point"));
            }
        }
        Charts.writePng(context, "slices.png", charts, plane ? charts.size() / centres.size() : 1);
    }

    /** log₁₀ of the loss over the (x, y) grid of one model and centre. */
    static HeatMapChart heatMap(Table slice, String title) {
        List<String> xs = slice.distinct("x");
        List<String> ys = slice.distinct("y");
        List<Number[]> cells = new ArrayList<>();
        double low = Double.POSITIVE_INFINITY;
        double high = Double.NEGATIVE_INFINITY;
        for (int row = 0; row < slice.rows().size(); row++) {
            double value = Math.log10(slice.number(row, "loss"));
            cells.add(new Number[] {xs.indexOf(slice.text(row, "x")), ys.indexOf(slice.text(row, "y")), value});
            low = Math.min(low, value);
            high = Math.max(high, value);
        }
        HeatMapChart chart = new HeatMapChartBuilder().width(Charts.WIDTH).height(Charts.HEIGHT).title(title)
                .xAxisTitle("x (direction 1)").yAxisTitle("y (direction 2)").build();
        chart.getStyler().setMin(low).setMax(high > low ? high : low + 1).setRangeColors(new Color[] {
            new Color(20, 40, 140), new Color(90, 200, 160), new Color(250, 240, 120), new Color(200, 30, 30)});
        chart.getStyler().setChartBackgroundColor(Color.WHITE);
        chart.addSeries("log10 loss", xs.stream().map(SliceFigure::tick).toList(),
                ys.stream().map(SliceFigure::tick).toList(), cells);
        return chart;
    }

    private static String tick(String value) {
        return String.format(Locale.ROOT, "%.1f", Double.parseDouble(value));
    }

    private static XYChart lines(Table slice, String title) {
        List<Series.Line> models = Series.split(slice, List.of("model"), List.of());
        XYChart chart = Charts.lineChart(title, "x (along the direction)", "loss (BCE per cell, log)", models.size());
        chart.getStyler().setYAxisLogarithmic(true);
        for (int i = 0; i < models.size(); i++) {
            Series.Line line = models.get(i).sortedBy(slice, "x");
            Charts.line(chart, line.label(), Series.values(slice, line, "x"), Series.values(slice, line, "loss"),
                    Charts.colour(chart, i), Charts.marker(i));
        }
        return chart;
    }
}
