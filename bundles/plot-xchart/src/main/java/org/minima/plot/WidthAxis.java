package org.minima.plot;

import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Arrays;
import java.util.Locale;

import org.knowm.xchart.XYChart;

/**
 * Where a figure places the width factor m on its x axis. Widths are usually doubled from one setting to the next
 * (1, 2, 4, ..., 32); when they span more than a factor {@value #LOG_SPAN} a linear axis would crowd the small
 * widths into one corner, so the axis then shows log2(m), labelled with m itself.
 *
 * @param log2 whether positions are log2(m) rather than m
 */
record WidthAxis(boolean log2) {

    static final double LOG_SPAN = 8;

    /** Space beyond the outermost widths, in axis units (octaves or m), so that end markers are not cut. */
    private static final double MARGIN = 0.3;
    /** On a long linear axis, the margin as a share of the range instead. */
    private static final double MARGIN_SHARE = 0.05;

    /** The scale for these widths (each at least 1). */
    static WidthAxis fit(double[] widths) {
        double min = Arrays.stream(widths).min().orElse(1);
        double max = Arrays.stream(widths).max().orElse(1);
        return new WidthAxis(max / min > LOG_SPAN);
    }

    String title() {
        return log2 ? "width factor m (log scale)" : "width factor m";
    }

    /** The x positions of {@code widths}. */
    double[] positions(double[] widths) {
        return log2 ? Arrays.stream(widths).map(m -> Math.log(m) / Math.log(2)).toArray() : widths.clone();
    }

    /**
     * Fixes {@code chart}'s x range to {@code widths} with a margin, and labels
     * every tick with the width m at that position (on the log2 scale a tick between powers of two reads, say, 2.8).
     */
    void apply(XYChart chart, double[] widths) {
        double[] x = positions(widths);
        double min = Arrays.stream(x).min().orElse(0);
        double max = Arrays.stream(x).max().orElse(1);
        double margin = log2 ? MARGIN : Math.max(MARGIN, MARGIN_SHARE * (max - min));
        chart.getStyler().setXAxisMin(min - margin).setXAxisMax(max + margin);
        chart.setCustomXAxisTickLabelsFormatter(this::tickLabel);
    }

    /**
     * The width m at position {@code x}, to one decimal. XChart drops tick labels that repeat, so every tick needs
     * its own label: a blank one between powers of two would hide them all.
     */
    String tickLabel(double x) {
        double m = log2 ? Math.pow(2, x) : x;
        return new DecimalFormat("0.#", DecimalFormatSymbols.getInstance(Locale.ROOT)).format(m);
    }
}
