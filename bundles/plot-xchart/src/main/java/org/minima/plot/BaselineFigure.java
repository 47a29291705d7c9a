package org.minima.plot;

import java.util.ArrayList;
import java.util.List;

import org.knowm.xchart.XYChart;
import org.minima.api.Plugin;
import org.minima.api.Table;
import org.minima.api.run.Plot;
import org.minima.api.run.RunContext;
import org.osgi.service.component.annotations.Component;

/**
 * The data baseline as a figure: three panels against the step count n — boards entirely dead, mean live
 * fraction, boards unchanged from the previous step — one line per game variant and board size.
 */
@Component(service = Plot.class, property = Plugin.NAME + "=" + BaselineFigure.NAME)
public final class BaselineFigure implements Plot {

    static final String NAME = "baseline-figure";
    static final String FILE = "baseline.png";

    private static final List<String> SERIES_KEYS = List.of("rule", "neighbourhood", "boundary", "density", "size");

    @Override
    public String description() {
        return "baseline.png: dead share, live fraction and unchanged share of boards against n";
    }

    @Override
    public List<String> tables() {
        return List.of("baseline");
    }

    @Override
    public void draw(RunContext context) throws Exception {
        Table table = context.readTable("baseline");
        List<XYChart> charts = new ArrayList<>();
        charts.add(panel(table, "Boards entirely dead after n steps", "share of boards", "dead_share"));
        charts.add(panel(table, "Live cells after n steps", "mean live fraction", "mean_live_fraction"));
        charts.add(panel(table, "Boards unchanged from step n-1", "share of boards", "unchanged_share"));
        Charts.writePng(context, FILE, charts);
    }

    private static XYChart panel(Table table, String title, String yTitle, String column) {
        XYChart chart = Charts.lineChart(title, "steps n", yTitle);
        chart.getStyler().setYAxisMin(0.0).setYAxisMax(1.0);
        for (Series.Line line : Series.split(table, SERIES_KEYS)) {
            chart.addSeries(line.label(), Series.values(table, line, "steps"), Series.values(table, line, column));
        }
        return chart;
    }
}
