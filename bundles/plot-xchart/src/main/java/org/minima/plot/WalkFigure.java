package org.minima.plot;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.knowm.xchart.XYChart;
import org.minima.api.Plugin;
import org.minima.api.Table;
import org.minima.api.run.Plot;
import org.minima.api.run.RunContext;
import org.osgi.service.component.annotations.Component;

/**
 * Firner's Figure 3 from the straight walk's table: for each (n, m), the loss (log scale) against the L1 distance
 * from the exact solution, one line per seed with its barrier in the legend, and beside it the share of boards
 * exactly right along the same walk, so a reader sees where the 0/1 metric changes and not only the smooth loss.
 * Writes {@code walk.png} (one row of two panels per (n, m), and per architecture, initializer, game and density when
 * the run has more than one) and {@code walk.svg} (the first loss panel).
 */
@Component(service = Plot.class, property = Plugin.NAME + "=" + WalkFigure.NAME)
public final class WalkFigure implements Plot {

    static final String NAME = "walk-figure";
    static final String TABLE = "straight_walk";
    static final List<String> REQUIRED = List.of("steps", "width", "seed", "l1_to_exact", "loss", "board_exact",
            "barrier");
    private static final List<String> PANEL_KEYS = List.of("architecture", "init", "rule", "neighbourhood",
            "boundary", "density");

    @Override
    public String description() {
        return "walk.png/svg: loss (log) and board-exact share along each model's walk to the exact solution,"
                + " against the L1 distance, one line per seed (Firner's Figure 3)";
    }

    @Override
    public List<String> tables() {
        return List.of(TABLE);
    }

    @Override
    public void draw(RunContext context) throws Exception {
        Table walks = context.readTable(TABLE);
        Series.requireColumns(walks, REQUIRED, NAME);
        if (walks.rows().isEmpty()) {
            throw new IllegalArgumentException(NAME + ": table '" + TABLE + "' has no rows: no model was walked");
        }
        List<String> keys = PANEL_KEYS.stream().filter(walks.columns()::contains).toList();
        List<Series.Line> cells = Series.split(walks, List.of("steps", "width"), keys);
        List<XYChart> charts = new ArrayList<>();
        for (Series.Line cell : cells) {
            Table rows = subset(walks, cell);
            List<Series.Line> seeds = Series.split(rows, List.of("seed"), List.of());
            charts.add(panel(rows, seeds, "Walk to the exact solution, " + cell.label(), "loss (BCE per cell, log)",
                    "loss", true));
            charts.add(panel(rows, seeds, "Boards exactly right on the walk, " + cell.label(), "share of boards",
                    "board_exact", false));
        }
        Charts.writePng(context, "walk.png", charts, cells.size());
        Charts.writeSvg(context, "walk.svg", charts.get(0));
    }

    static XYChart panel(Table rows, List<Series.Line> seeds, String title, String yTitle, String column,
                                 boolean logarithmic) {
        XYChart chart = Charts.lineChart(title, "L1 distance to the exact solution", yTitle, seeds.size());
        chart.getStyler().setYAxisLogarithmic(logarithmic);
        if (!logarithmic) {
            chart.getStyler().setYAxisMin(0.0).setYAxisMax(1.0);
        }
        for (int i = 0; i < seeds.size(); i++) {
            Series.Line seed = seeds.get(i).sortedBy(rows, "l1_to_exact");
            String label = seed.label() + String.format(Locale.ROOT, ", barrier %.3g",
                    rows.number(seed.rows().get(0), "barrier"));
            Charts.line(chart, label, Series.values(rows, seed, "l1_to_exact"), Series.values(rows, seed, column),
                    Charts.colour(chart, i), Charts.marker(i));
        }
        return chart;
    }

    /** The rows of {@code line}, as a table of their own. */
    private static Table subset(Table table, Series.Line line) {
        return new Table(table.name(), table.columns(), line.rows().stream().map(table.rows()::get).toList());
    }
}
