package org.minima.plot;

import java.awt.Color;
import java.util.ArrayList;
import java.util.List;

import org.knowm.xchart.HeatMapChart;
import org.knowm.xchart.HeatMapChartBuilder;
import org.minima.api.Plugin;
import org.minima.api.Table;
import org.minima.api.run.Plot;
import org.minima.api.run.RunContext;
import org.osgi.service.component.annotations.Component;

/**
 * A heat map of the per-block walk's barriers ({@code block_walk}, from the probe {@code block-walk}): one row per
 * model, one column per step block, the colour the barrier of walking that block alone to its exact weights, so the
 * block that holds a model back stands out. Writes {@code blocks.png}.
 */
@Component(service = Plot.class, property = Plugin.NAME + "=" + BlockFigure.NAME)
public final class BlockFigure implements Plot {

    static final String NAME = "block-figure";
    static final String TABLE = "block_walk";
    static final List<String> REQUIRED = List.of("model", "block", "barrier");
    private static final int ROW_HEIGHT = 22;

    @Override
    public String description() {
        return "blocks.png: heat map of each model's barrier when one step block at a time walks to its exact weights";
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
        Charts.writePng(context, "blocks.png", List.of(heatMap(walks)), 1);
    }

    /** Rows: models in table order; columns: blocks; colour and number: that model's barrier for that block. */
    static HeatMapChart heatMap(Table walks) {
        List<String> models = walks.distinct("model");
        List<String> blocks = walks.distinct("block");
        List<String> labels = models.stream().map(model -> Series.modelLabel(walks, model)).toList();
        List<Number[]> barriers = new ArrayList<>();
        double highest = 0;
        for (int row = 0; row < walks.rows().size(); row++) {
            Number[] cell = {blocks.indexOf(walks.text(row, "block")), models.indexOf(walks.text(row, "model")),
                walks.number(row, "barrier")};
            if (barriers.stream().noneMatch(c -> c[0].equals(cell[0]) && c[1].equals(cell[1]))) {
                barriers.add(cell);
                highest = Math.max(highest, cell[2].doubleValue());
            }
        }
        HeatMapChart chart = new HeatMapChartBuilder().width(Charts.WIDTH)
                .height(Math.max(Charts.HEIGHT, 160 + ROW_HEIGHT * models.size()))
                .title("Barrier of walking one step block to its exact weights").xAxisTitle("step block")
                .yAxisTitle("model").build();
        chart.getStyler().setShowValue(true).setHeatMapValueDecimalPattern("0.00").setMin(0).setMax(Math.ceil(highest))
                .setRangeColors(new Color[] {Color.WHITE, new Color(255, 170, 60), new Color(190, 20, 20)});
        chart.getStyler().setChartBackgroundColor(Color.WHITE);
        chart.addSeries("barrier", blocks, labels, barriers);
        return chart;
    }
}
