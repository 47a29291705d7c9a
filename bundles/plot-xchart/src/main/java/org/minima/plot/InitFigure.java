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
 * How the start changes success, from the {@code summary} table: for each width m a panel of the share of seeds
 * that solve every test board against the step count n, one line per initializer (the {@code init} axis, for
 * example plain training against a presolved middle block), each over its Wilson 95% band. {@code init.png} holds
 * every panel, {@code init.svg} the first.
 */
@Component(service = Plot.class, property = Plugin.NAME + "=" + InitFigure.NAME)
public final class InitFigure implements Plot {

    static final String NAME = "init-figure";
    static final String TABLE = "summary";
    static final List<String> REQUIRED = List.of("init", "steps", "width", "size", "success_rate", "success_ci_low",
            "success_ci_high");
    /** Keys that also split lines where they vary. */
    static final List<String> OTHER_KEYS = List.of("architecture", "rule", "neighbourhood", "boundary", "density");

    @Override
    public String description() {
        return "init.png/svg: share of seeds solving every test board vs n, one line per initializer, a panel per m";
    }

    @Override
    public List<String> tables() {
        return List.of(TABLE);
    }

    @Override
    public void draw(RunContext context) throws Exception {
        Table summary = context.readTable(TABLE);
        Series.requireColumns(summary, REQUIRED, NAME);
        String testSize = context.experiment().testShape().toString();
        Table atTest = summary.where("size", testSize::equals);
        List<XYChart> panels = new ArrayList<>();
        for (String width : atTest.distinct("width")) {
            Table rows = atTest.where("width", width::equals);
            List<RateChart.Curve> curves = Series.split(rows, List.of("init"), OTHER_KEYS).stream()
                    .map(line -> line.sortedBy(rows, "steps"))
                    .map(line -> RateChart.curve(rows, line, Series.values(rows, line, "steps"))).toList();
            panels.add(RateChart.of("m = " + width + ": models that solve all " + context.experiment().testBoards()
                    + " test boards (" + testSize + ")", "steps n", "share of seeds", curves));
        }
        if (panels.isEmpty()) {
            throw new IllegalArgumentException(NAME + ": table '" + TABLE + "' has no rows at the test size "
                    + testSize);
        }
        Charts.writePng(context, "init.png", panels);
        Charts.writeSvg(context, "init.svg", panels.get(0));
    }
}
