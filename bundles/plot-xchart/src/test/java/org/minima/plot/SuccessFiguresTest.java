package org.minima.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.minima.api.Table;
import org.minima.api.run.RunContext;
import org.minima.testkit.Experiments;
import org.minima.testkit.TestRunContext;

/** Figures 1 and 2 from a small summary, read back as files, and the errors a bad summary gives. */
class SuccessFiguresTest {

    static final List<String> COLUMNS = List.of("architecture", "init", "rule", "neighbourhood", "boundary", "density",
            "steps", "width", "size", "models", "successes", "success_rate", "success_ci_low", "success_ci_high",
            "mean_board_exact", "sd_board_exact", "mean_cell_accuracy", "mean_loss", "empty_board_exact");
    static final List<Integer> STEPS = List.of(1, 2, 3);
    static final List<Integer> WIDTHS = List.of(1, 2, 4, 8, 16, 32);
    static final int SEEDS = 20;

    @TempDir
    Path folder;

    @Test
    void writesBothFiguresAsPngAndSvg() throws Exception {
        new SuccessFigures().draw(context(summary(List.of("5x5", "10x10"))));
        BufferedImage figure1 = ImageIO.read(folder.resolve("figure1.png").toFile());
        assertEquals(Charts.WIDTH, figure1.getWidth());
        assertEquals(Charts.HEIGHT, figure1.getHeight());
        BufferedImage figure2 = ImageIO.read(folder.resolve("figure2.png").toFile());
        assertEquals(2 * Charts.WIDTH, figure2.getWidth(), "a second panel for the training size");
        for (String svg : List.of("figure1.svg", "figure2.svg")) {
            String text = Files.readString(folder.resolve(svg));
            assertTrue(text.startsWith("<?xml") || text.contains("<svg"), svg);
            assertTrue(text.contains("</svg>"), svg + " is complete");
        }
        try (var files = Files.list(folder)) {
            assertEquals(List.of("figure1.png", "figure1.svg", "figure2.png", "figure2.svg"),
                    files.map(f -> f.getFileName().toString()).sorted().toList(), "no temporary file is left");
        }
    }

    @Test
    void aTestSizeOnlySummaryGivesOnePanel() throws Exception {
        new SuccessFigures().draw(context(summary(List.of("5x5"))));
        assertEquals(Charts.WIDTH, ImageIO.read(folder.resolve("figure2.png").toFile()).getWidth());
    }

    @Test
    void aMissingColumnIsNamed() throws IOException {
        Table full = summary(List.of("5x5"));
        int dropped = full.columnIndex("success_ci_low");
        List<String> columns = new ArrayList<>(full.columns());
        columns.remove(dropped);
        List<List<Object>> rows = full.rows().stream().map(row -> {
            List<Object> copy = new ArrayList<>(row);
            copy.remove(dropped);
            return copy;
        }).toList();
        RunContext context = context(new Table("summary", columns, rows));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new SuccessFigures().draw(context));
        assertTrue(e.getMessage().contains("success_ci_low"), e.getMessage());
        assertTrue(e.getMessage().contains("summary"), e.getMessage());
    }

    @Test
    void aSummaryWithoutTheTestSizeIsRejected() {
        RunContext context = context(summary(List.of("10x10")));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new SuccessFigures().draw(context));
        assertTrue(e.getMessage().contains("5x5") && e.getMessage().contains("10x10"), e.getMessage());
    }

    /** What the launcher hands the plot: Firner's study and its summary table. */
    private RunContext context(Table summary) {
        return TestRunContext.in(folder).experiment(Experiments.firner(STEPS, WIDTHS)).table(summary).build();
    }

    /**
     * A plausible summary as read back from CSV (all text): success falls with n and rises with m; the empty-board
     * baseline grows with n on 5x5 boards and stays near 0 on 10x10.
     */
    static Table summary(List<String> sizes) {
        Table.Builder table = Table.builder("summary", COLUMNS);
        for (String size : sizes) {
            boolean small = size.equals("5x5");
            for (int n : STEPS) {
                double empty = small ? 0.05 * n * n : 0.002 * n;
                for (int m : WIDTHS) {
                    int successes = (int) Math.min(SEEDS, Math.round(SEEDS * Math.log(m + 1) / Math.log(2) / (n * n)
                            / (small ? 2 : 3)));
                    double rate = (double) successes / SEEDS;
                    double[] interval = wilson(successes, SEEDS);
                    double boardExact = Math.min(1, empty + (1 - empty) * (0.3 + 0.7 * rate) / n);
                    table.row(text("firner", "pytorch-default", "B3/S23", "von-neumann", "dead", 0.5, n, m, size,
                            SEEDS, successes, rate, interval[0], interval[1], boardExact, 0.1, 0.9, 0.05, empty));
                }
            }
        }
        return table.build();
    }

    private static Object[] text(Object... values) {
        return java.util.Arrays.stream(values).map(String::valueOf).toArray();
    }

    private static double[] wilson(int k, int n) {
        double z = 1.959963984540054;
        double p = (double) k / n;
        double d = 1 + z * z / n;
        double centre = (p + z * z / (2 * n)) / d;
        double half = z * Math.sqrt(p * (1 - p) / n + z * z / (4.0 * n * n)) / d;
        return new double[] {Math.max(0, centre - half), Math.min(1, centre + half)};
    }
}
