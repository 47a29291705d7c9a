package org.minima.plot;

import java.util.List;

import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.minima.api.Table;

/**
 * A panel of success rates against a numeric x, one line per curve, each over its Wilson 95% band: the figures
 * that compare initialisations (success against n, return to success against a perturbation's size).
 */
final class RateChart {

    /**
     * One line of rates.
     *
     * @param label legend label
     * @param x     the x values, ascending
     * @param rate  the success rates
     * @param low   the lower ends of their intervals
     * @param high  the upper ends
     */
    record Curve(String label, double[] x, double[] rate, double[] low, double[] high) {
    }

    private RateChart() {
    }

    /** The panel; its y axis runs from 0 to 1. Bands are drawn first, so every line lies over every band. */
    static XYChart of(String title, String xTitle, String yTitle, List<Curve> curves) {
        XYChart chart = Charts.lineChart(title, xTitle, yTitle, curves.size() + 1);
        chart.getStyler().setYAxisMin(0.0).setYAxisMax(1.0);
        XYSeries band = null;
        for (int i = 0; i < curves.size(); i++) {
            Curve curve = curves.get(i);
            band = Charts.band(chart, curve.label() + " interval", curve.x(), curve.low(), curve.high(),
                    Charts.colour(chart, i));
        }
        for (int i = 0; i < curves.size(); i++) {
            Curve curve = curves.get(i);
            Charts.line(chart, curve.label(), curve.x(), curve.rate(), Charts.colour(chart, i), Charts.marker(i));
        }
        Charts.legendEntry(chart, "band: 95% Wilson interval over the seeds", band);
        return chart;
    }

    /** The curve of {@code summary}'s rows {@code line}, at x values {@code x} of those rows. */
    static Curve curve(Table summary, Series.Line line, double[] x) {
        return new Curve(line.label(), x, Series.values(summary, line, "success_rate"),
                Series.values(summary, line, "success_ci_low"), Series.values(summary, line, "success_ci_high"));
    }
}
