package org.minima.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.minima.api.Table;
import org.minima.testkit.Experiments;
import org.minima.testkit.TestRunContext;

/** Figure 3 from a small straight_walk table, read back as files, and the errors a bad table gives. */
class WalkFigureTest {

    private static final List<String> COLUMNS = List.of("model", "architecture", "init", "steps", "width", "seed",
            "alpha", "l1_to_exact", "loss", "board_exact", "barrier", "construction", "margin", "polish");
    private static final int POINTS = 10;

    @TempDir
    Path folder;

    /** Walks of three seeds at (n, m) = (1, 1), (1, 5) and (2, 5): the loss bumps, then falls to the exact one. */
    private static Table walks() {
        Table.Builder table = Table.builder("straight_walk", COLUMNS);
        for (int[] cell : new int[][] {{1, 1}, {1, 5}, {2, 5}}) {
            for (int seed = 1; seed <= 3; seed++) {
                double start = 0.6 / seed;
                for (int k = 0; k <= POINTS; k++) {
                    double alpha = (double) k / POINTS;
                    double loss = (1 - alpha) * start + alpha * 4.5e-5 + 2 * alpha * (1 - alpha);
                    table.row(String.valueOf("m" + cell[1] + "s" + seed), "firner", "pytorch-default",
                            String.valueOf(cell[0]), String.valueOf(cell[1]), String.valueOf(seed),
                            String.valueOf(alpha), String.valueOf(50 * (1 - alpha)), String.valueOf(loss),
                            String.valueOf(alpha > 0.8 ? 1.0 : 0.1), "0.9", "F", "10.0", "0");
                }
            }
        }
        return table.build();
    }

    private TestRunContext context(Table table) {
        return TestRunContext.in(folder).experiment(Experiments.firner(List.of(1, 2), List.of(1, 5))).table(table)
                .build();
    }

    @Test
    void drawsALossAndABoardExactPanelPerCell() throws Exception {
        new WalkFigure().draw(context(walks()));
        BufferedImage png = ImageIO.read(folder.resolve("walk.png").toFile());
        assertEquals(2 * Charts.WIDTH, png.getWidth(), "loss and board-exact side by side");
        assertTrue(png.getHeight() >= 3 * Charts.HEIGHT, "one row per (n, m): " + png.getHeight());
        assertTrue(Files.readString(folder.resolve("walk.svg")).contains("</svg>"), "walk.svg is complete");
    }

    @Test
    void eachSeedsLineNamesItsBarrier() {
        Table table = walks();
        Table cell = new Table(table.name(), table.columns(), table.rows().subList(0, 3 * (POINTS + 1)));
        var chart = WalkFigure.panel(cell, Series.split(cell, List.of("seed"), List.of()), "t", "loss", "loss", true);
        assertEquals(List.of("seed 1, barrier 0.900", "seed 2, barrier 0.900", "seed 3, barrier 0.900"),
                List.copyOf(chart.getSeriesMap().keySet()));
        assertTrue(chart.getStyler().isYAxisLogarithmic());
    }

    @Test
    void aTableWithoutBoardExactIsNamedAndAnEmptyOneRefused() {
        Table full = walks();
        int dropped = full.columnIndex("board_exact");
        List<String> columns = new java.util.ArrayList<>(full.columns());
        columns.remove(dropped);
        List<List<Object>> rows = full.rows().stream().map(row -> {
            List<Object> copy = new java.util.ArrayList<>(row);
            copy.remove(dropped);
            return copy;
        }).toList();
        String missing = assertThrows(IllegalArgumentException.class,
                () -> new WalkFigure().draw(context(new Table("straight_walk", columns, rows)))).getMessage();
        assertTrue(missing.contains("board_exact"), missing);
        String empty = assertThrows(IllegalArgumentException.class,
                () -> new WalkFigure().draw(context(new Table("straight_walk", COLUMNS, List.of())))).getMessage();
        assertTrue(empty.contains("no model was walked"), empty);
    }
}
