package org.minima.plot;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.knowm.xchart.XYChart;
import org.minima.api.Plugin;
import org.minima.api.Table;
import org.minima.api.run.Plot;
import org.minima.api.run.RunContext;
import org.osgi.service.component.annotations.Component;

/**
 * The basin around the exact solution, from the {@code summary} and {@code training} tables: the share of seeds that
 * return to success after training from the exact solution perturbed, against the size of the perturbation, one
 * line per (n, m), each over its Wilson 95% band. The size is read from each initializer's recorded options
 * ({@code init_options} in {@code training.csv}): {@code sigma} (the {@code exact-noise} initializer) for one panel,
 * {@code flips} ({@code exact-signflip}) for the other; initializers with neither are left out. {@code basins.png}
 * holds the panels, {@code basins.svg} the first.
 */
@Component(service = Plot.class, property = Plugin.NAME + "=" + BasinFigure.NAME)
public final class BasinFigure implements Plot {

    static final String NAME = "basin-figure";
    static final List<String> REQUIRED = List.of("init", "steps", "width", "size", "success_rate", "success_ci_low",
            "success_ci_high");
    /** The perturbations drawn, each an option of the initializer that makes it, with its axis title. */
    static final List<Map.Entry<String, String>> SIZES = List.of(
            Map.entry("sigma", "exact-noise sigma (relative: x each layer's weight RMS)"),
            Map.entry("flips", "sign flips k (exact-signflip)"));

    @Override
    public String description() {
        return "basins.png/svg: share of seeds returning to success from the perturbed exact solution vs sigma and"
                + " vs k, one line per (n, m)";
    }

    @Override
    public List<String> tables() {
        return List.of("summary", "training");
    }

    @Override
    public void draw(RunContext context) throws Exception {
        Table summary = context.readTable("summary");
        Series.requireColumns(summary, REQUIRED, NAME);
        Table training = context.readTable("training");
        Series.requireColumns(training, List.of("init", "init_options"), NAME);
        String testSize = context.experiment().testShape().toString();
        Table atTest = summary.where("size", testSize::equals);
        List<XYChart> panels = new ArrayList<>();
        for (Map.Entry<String, String> size : SIZES) {
            Map<String, Double> sizes = sizes(training, size.getKey());
            Table rows = atTest.where("init", sizes::containsKey);
            if (rows.rows().isEmpty()) {
                continue;
            }
            List<RateChart.Curve> curves = new ArrayList<>();
            for (Series.Line line : Series.split(rows, List.of("steps", "width"), InitFigure.OTHER_KEYS)) {
                Series.Line sorted = new Series.Line(line.label(), line.rows().stream()
                        .sorted(Comparator.comparingDouble(r -> sizes.get(rows.text(r, "init")))).toList());
                double[] x = sorted.rows().stream().mapToDouble(r -> sizes.get(rows.text(r, "init"))).toArray();
                curves.add(RateChart.curve(rows, sorted, x));
            }
            panels.add(RateChart.of("Return to success from the perturbed exact solution (" + testSize + ")",
                    size.getValue(), "share of seeds that solve all test boards", curves));
        }
        if (panels.isEmpty()) {
            throw new IllegalArgumentException(NAME + ": no initializer of this run records 'sigma' or 'flips' in"
                    + " training.csv's init_options; bind exact-noise or exact-signflip in the init axis");
        }
        Charts.writePng(context, "basins.png", panels);
        Charts.writeSvg(context, "basins.svg", panels.get(0));
    }

    /** Each initializer's value of {@code option} in its recorded options, for those that have it. */
    static Map<String, Double> sizes(Table training, String option) {
        Map<String, Double> sizes = new HashMap<>();
        for (int row = 0; row < training.rows().size(); row++) {
            String init = training.text(row, "init");
            value(training.text(row, "init_options"), option).ifPresent(v -> sizes.put(init, v));
        }
        return sizes;
    }

    /** The number after {@code option=} in {@code key=value; key=value} options, if there. */
    static Optional<Double> value(String options, String option) {
        for (String pair : options.split(";")) {
            String[] parts = pair.trim().split("=", 2);
            if (parts.length == 2 && parts[0].equals(option)) {
                return Optional.of(Double.parseDouble(parts[1]));
            }
        }
        return Optional.empty();
    }
}
