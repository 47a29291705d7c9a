package org.minima.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.VectorGraphicsEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.internal.chartpart.Chart;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.Marker;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.minima.api.run.RunContext;

/** The house style of Minima's figures and the atomic writing of PNG and SVG files. */
final class Charts {

    static final int WIDTH = 640;
    static final int HEIGHT = 500;

    private static final BasicStroke SOLID = new BasicStroke(2f);
    private static final BasicStroke THIN = new BasicStroke(1f);
    private static final BasicStroke DASHED = new BasicStroke(2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f,
            new float[] {8f, 5f}, 0f);
    private static final int BAND_ALPHA = 50;
    private static final int BAND_OUTLINE_ALPHA = 110;
    /** The colour of legend entries that stand for a kind of line rather than one line. */
    private static final Color NOTE = Color.DARK_GRAY;
    private static final Marker[] MARKERS = {SeriesMarkers.CIRCLE, SeriesMarkers.SQUARE, SeriesMarkers.DIAMOND,
        SeriesMarkers.TRIANGLE_UP, SeriesMarkers.TRIANGLE_DOWN};
    /** Legend entries that fit below a plot of the standard height. */
    private static final int LEGEND_ROWS = 4;
    /** Height of one legend entry in pixels, at XChart's default legend font. */
    private static final int LEGEND_ROW_HEIGHT = 20;

    private Charts() {
    }

    /** An empty line chart with Minima's style. */
    static XYChart lineChart(String title, String xTitle, String yTitle) {
        return lineChart(title, xTitle, yTitle, LEGEND_ROWS);
    }

    /**
     * An empty line chart with Minima's style, one legend row taller for every legend entry beyond
     * {@value #LEGEND_ROWS}, so that a long legend below the plot does not squeeze the plot itself.
     */
    static XYChart lineChart(String title, String xTitle, String yTitle, int legendEntries) {
        int height = HEIGHT + Math.max(0, legendEntries - LEGEND_ROWS) * LEGEND_ROW_HEIGHT;
        XYChart chart = new XYChartBuilder().width(WIDTH).height(height).title(title).xAxisTitle(xTitle)
                .yAxisTitle(yTitle).build();
        chart.getStyler()
                .setChartBackgroundColor(Color.WHITE)
                .setPlotBackgroundColor(Color.WHITE)
                .setLegendPosition(Styler.LegendPosition.OutsideS)
                .setLegendBackgroundColor(new Color(255, 255, 255, 200))
                .setMarkerSize(6);
        // XChart prints ticks to the last digit where it places them at data points (one walk's L1 steps)
        chart.getStyler().setXAxisDecimalPattern("#,##0.###");
        return chart;
    }

    /**
     * The colour of the {@code index}-th line of {@code chart}, from its theme's palette, cycling. Lines that belong
     * together (a value, its interval, its baseline) are drawn in one colour.
     */
    static Color colour(XYChart chart, int index) {
        Color[] palette = chart.getStyler().getSeriesColors();
        return palette[index % palette.length];
    }

    /** The {@code index}-th marker shape, cycling: it tells apart lines that share a colour. */
    static Marker marker(int index) {
        return MARKERS[index % MARKERS.length];
    }

    /** A solid line with markers in {@code colour}, shown in the legend as {@code label}. */
    static XYSeries line(XYChart chart, String label, double[] x, double[] y, Color colour, Marker marker) {
        XYSeries series = chart.addSeries(label, x, y);
        series.setLineColor(colour);
        series.setLineStyle(SOLID);
        series.setMarker(marker);
        series.setMarkerColor(colour);
        return series;
    }

    /** A dashed line without markers in {@code colour}, for reference values such as a baseline. */
    static XYSeries dashed(XYChart chart, String label, double[] x, double[] y, Color colour) {
        XYSeries series = chart.addSeries(label, x, y);
        series.setLineColor(colour);
        series.setLineStyle(DASHED);
        series.setMarker(SeriesMarkers.NONE);
        return series;
    }

    /**
     * A translucent band from {@code low} to {@code high} over {@code x}, outlined thinly, hidden from the legend.
     * XChart's error bars are symmetric; a band draws an asymmetric interval. At a single x it is a vertical bar.
     *
     * @param name unique among the chart's series; not shown
     */
    static XYSeries band(XYChart chart, String name, double[] x, double[] low, double[] high, Color colour) {
        int n = x.length;
        double[] outlineX = new double[2 * n];
        double[] outlineY = new double[2 * n];
        for (int i = 0; i < n; i++) {
            outlineX[i] = x[i];
            outlineY[i] = low[i];
            outlineX[2 * n - 1 - i] = x[i];
            outlineY[2 * n - 1 - i] = high[i];
        }
        XYSeries series = chart.addSeries(name, outlineX, outlineY);
        series.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.PolygonArea);
        series.setFillColor(withAlpha(colour, BAND_ALPHA));
        series.setLineColor(withAlpha(colour, BAND_OUTLINE_ALPHA));
        series.setLineStyle(THIN);
        series.setMarker(SeriesMarkers.NONE);
        series.setShowInLegend(false);
        return series;
    }

    /**
     * A legend entry that draws nothing, in {@code style}'s look: it explains a kind of line (a dashed baseline, a
     * band) once rather than once per coloured line. XChart refuses a series without points, so it holds a single
     * point at NaN, which XChart skips when drawing.
     */
    static XYSeries legendEntry(XYChart chart, String label, XYSeries style) {
        XYSeries series = chart.addSeries(label, new double[] {Double.NaN}, new double[] {Double.NaN});
        series.setXYSeriesRenderStyle(style.getXYSeriesRenderStyle());
        series.setLineStyle(style.getLineStyle());
        series.setLineColor(NOTE);
        series.setFillColor(withAlpha(NOTE, BAND_ALPHA));
        series.setMarker(SeriesMarkers.NONE);
        return series;
    }

    /** Writes {@code charts} side by side as one PNG, atomically. */
    static void writePng(RunContext context, String fileName, List<XYChart> charts) throws IOException {
        writePng(context, fileName, charts, 1);
    }

    /** Writes {@code charts} as one PNG of {@code rows} rows, filled row by row, atomically. */
    static void writePng(RunContext context, String fileName, List<? extends Chart<?, ?>> charts, int rows)
            throws IOException {
        context.writeFile(fileName, tmp -> {
            try (OutputStream out = Files.newOutputStream(tmp)) {
                BitmapEncoder.saveBitmap(charts, rows, charts.size() / rows, out, BitmapEncoder.BitmapFormat.PNG);
            }
        });
    }

    /** Writes one chart as SVG, atomically. */
    static void writeSvg(RunContext context, String fileName, XYChart chart) throws IOException {
        context.writeFile(fileName, tmp -> write(tmp, chart));
    }

    private static Color withAlpha(Color colour, int alpha) {
        return new Color(colour.getRed(), colour.getGreen(), colour.getBlue(), alpha);
    }

    private static void write(Path tmp, XYChart chart) throws IOException {
        try (OutputStream out = Files.newOutputStream(tmp)) {
            VectorGraphicsEncoder.saveVectorGraphic(chart, out, VectorGraphicsEncoder.VectorGraphicsFormat.SVG);
        }
    }
}
