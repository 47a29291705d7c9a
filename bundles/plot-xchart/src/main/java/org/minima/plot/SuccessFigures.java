package org.minima.plot;

import java.util.ArrayList;
import java.util.List;

import org.knowm.xchart.XYChart;
import org.minima.api.Plugin;
import org.minima.api.Table;
import org.minima.api.run.Experiment;
import org.minima.api.run.Plot;
import org.minima.api.run.RunContext;
import org.osgi.service.component.annotations.Component;

/**
 * Firner's Figures 1 and 2 (REFERENCE.md section 5) from the {@code summary} table: the share of seeds whose model
 * gets every test board exactly right, and the mean share of boards exactly right beside the empty-board baseline,
 * both against the width factor m with one line per n. Figure 2 adds a panel for every other evaluated board size
 * (the training size) to the PNG; the SVGs hold the test-size panel.
 */
@Component(service = Plot.class, property = Plugin.NAME + "=" + SuccessFigures.NAME)
public final class SuccessFigures implements Plot {

    static final String NAME = "success-figures";
    static final String TABLE = "summary";

    static final List<String> REQUIRED = List.of("steps", "width", "size", "models", "success_rate",
            "success_ci_low", "success_ci_high", "mean_board_exact", "empty_board_exact");

    /** Keys that split lines when they vary; a summary grouped without one of them simply lacks that column. */
    private static final List<String> OPTIONAL_KEYS = List.of("architecture", "init", "rule", "neighbourhood",
            "boundary", "density");

    @Override
    public String description() {
        return "figure1.png/svg: share of seeds solving every test board vs m; "
                + "figure2.png/svg: mean board-exact fraction vs m with the empty-board baseline";
    }

    @Override
    public List<String> tables() {
        return List.of(TABLE);
    }

    @Override
    public void draw(RunContext context) throws Exception {
        Table summary = context.readTable(TABLE);
        Series.requireColumns(summary, REQUIRED, NAME);
        Experiment experiment = context.experiment();
        String testSize = experiment.testShape().toString();
        List<String> sizes = summary.distinct("size");
        if (!sizes.contains(testSize)) {
            throw new IllegalArgumentException(NAME + ": table '" + TABLE + "' has no rows at the test size "
                    + testSize + "; its sizes are " + sizes);
        }
        List<String> keys = OPTIONAL_KEYS.stream().filter(summary.columns()::contains).toList();
        SuccessPanels panels = new SuccessPanels(summary, keys);
        int boards = experiment.testBoards();

        XYChart figure1 = panels.successRate(testSize,
                "Figure 1: models that solve all " + boards + " test boards (" + testSize + ")");
        Charts.writePng(context, "figure1.png", List.of(figure1));
        Charts.writeSvg(context, "figure1.svg", figure1);

        List<XYChart> figure2 = new ArrayList<>();
        figure2.add(panels.boardExact(testSize,
                "Figure 2: share of " + boards + " test boards exactly right (" + testSize + ")"));
        for (String size : sizes) {
            if (!size.equals(testSize)) {
                String which = size.equals(experiment.trainShape().toString()) ? " training-size" : "";
                figure2.add(panels.boardExact(size,
                        "Figure 2: share of " + boards + which + " boards exactly right (" + size + ")"));
            }
        }
        Charts.writePng(context, "figure2.png", figure2);
        Charts.writeSvg(context, "figure2.svg", figure2.get(0));
    }
}
