package org.minima.launcher.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.minima.api.Table;

/**
 * The training curves as small multiples: one inline SVG per model, loss (log scale, shared by all panels) against
 * batch, so a reader sees at a glance which models got stuck where.
 */
final class CurvePlots {

    private static final int WIDTH = 180;
    private static final int HEIGHT = 70;

    private CurvePlots() {
    }

    /** One panel per model of {@code curves} (columns model, batch, loss). */
    static String of(Table curves) {
        Map<String, List<double[]>> byModel = new LinkedHashMap<>();
        double lowest = Double.POSITIVE_INFINITY;
        double highest = Double.NEGATIVE_INFINITY;
        double lastBatch = 1;
        for (int row = 0; row < curves.rows().size(); row++) {
            double batch = curves.number(row, "batch");
            double loss = curves.number(row, "loss");
            if (!(loss > 0) || Double.isNaN(batch)) {
                continue;
            }
            byModel.computeIfAbsent(curves.text(row, "model"), m -> new ArrayList<>()).add(new double[] {batch,
                Math.log10(loss)});
            lowest = Math.min(lowest, Math.log10(loss));
            highest = Math.max(highest, Math.log10(loss));
            lastBatch = Math.max(lastBatch, batch);
        }
        StringBuilder out = new StringBuilder("<div class=\"curves\">\n");
        double span = Math.max(highest - lowest, 1e-9);
        for (Map.Entry<String, List<double[]>> model : byModel.entrySet()) {
            StringBuilder points = new StringBuilder();
            for (double[] point : model.getValue()) {
                points.append(String.format("%.1f,%.1f ", point[0] / lastBatch * (WIDTH - 4) + 2,
                        (highest - point[1]) / span * (HEIGHT - 4) + 2));
            }
            out.append("<div class=\"curve\"><svg width=\"").append(WIDTH).append("\" height=\"").append(HEIGHT)
                    .append("\" role=\"img\" aria-label=\"training loss of ").append(Html.escape(model.getKey()))
                    .append("\"><polyline fill=\"none\" stroke=\"#1565c0\" stroke-width=\"1.2\" points=\"")
                    .append(points.toString().trim()).append("\"/></svg><br>").append(Html.escape(model.getKey()))
                    .append("</div>\n");
        }
        out.append("</div>\n<p>Loss on a log scale from 10^").append(String.format("%.2f", lowest)).append(" to 10^")
                .append(String.format("%.2f", highest)).append(" (the same in every panel), against the batch, up to ")
                .append(Math.round(lastBatch)).append(".</p>\n");
        return out.toString();
    }
}
