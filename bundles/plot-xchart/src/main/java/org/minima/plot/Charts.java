package org.minima.plot;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.VectorGraphicsEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.style.Styler;
import org.minima.api.run.RunContext;

/** The house style of Minima's figures and the atomic writing of PNG and SVG files. */
final class Charts {

    static final int WIDTH = 640;
    static final int HEIGHT = 500;

    private Charts() {
    }

    /** An empty line chart with Minima's style. */
    static XYChart lineChart(String title, String xTitle, String yTitle) {
        XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT).title(title).xAxisTitle(xTitle)
                .yAxisTitle(yTitle).build();
        chart.getStyler()
                .setChartBackgroundColor(java.awt.Color.WHITE)
                .setPlotBackgroundColor(java.awt.Color.WHITE)
                .setLegendPosition(Styler.LegendPosition.OutsideS)
                .setLegendBackgroundColor(new java.awt.Color(255, 255, 255, 200))
                .setMarkerSize(6);
        return chart;
    }

    /** Writes {@code charts} side by side as one PNG, atomically. */
    static void writePng(RunContext context, String fileName, List<XYChart> charts) throws IOException {
        context.writeFile(fileName, tmp -> {
            try (OutputStream out = Files.newOutputStream(tmp)) {
                BitmapEncoder.saveBitmap(charts, 1, charts.size(), out, BitmapEncoder.BitmapFormat.PNG);
            }
        });
    }

    /** Writes one chart as SVG, atomically. */
    static void writeSvg(RunContext context, String fileName, XYChart chart) throws IOException {
        context.writeFile(fileName, tmp -> write(tmp, chart));
    }

    private static void write(Path tmp, XYChart chart) throws IOException {
        try (OutputStream out = Files.newOutputStream(tmp)) {
            VectorGraphicsEncoder.saveVectorGraphic(chart, out, VectorGraphicsEncoder.VectorGraphicsFormat.SVG);
        }
    }
}
