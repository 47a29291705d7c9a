package org.minima.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.minima.api.Table;
import org.minima.testkit.TestRunContext;

class SliceFigureTest {

    @TempDir
    Path folder;

    /** Two models, two centres, a bowl of loss on a grid of {@code points} per axis (one row when 1-D). */
    private static Table slices(int points, boolean plane) {
        Table.Builder table = Table.builder("loss_slice", List.of("model", "centre", "x", "y", "loss"));
        for (String model : List.of("a", "b")) {
            for (String centre : List.of("trained", "exact")) {
                for (int i = 0; i < points; i++) {
                    for (int j = 0; j < (plane ? points : 1); j++) {
                        double x = -1 + 2.0 * i / (points - 1);
                        double y = plane ? -1 + 2.0 * j / (points - 1) : 0;
                        table.row(model, centre, String.valueOf(x), String.valueOf(y),
                                String.valueOf(1e-3 + x * x + y * y));
                    }
                }
            }
        }
        return table.build();
    }

    @Test
    void aHeatMapPerModelAndCentreForPlanesAndLinesForOneDirection() throws Exception {
        new SliceFigure().draw(TestRunContext.in(folder).table(slices(5, true)).build());
        BufferedImage plane = ImageIO.read(folder.resolve("slices.png").toFile());
        assertEquals(2 * Charts.WIDTH, plane.getWidth(), "trained and exact side by side");
        assertEquals(2 * Charts.HEIGHT, plane.getHeight(), "one row per model");
        new SliceFigure().draw(TestRunContext.in(folder).table(slices(5, false)).build());
        assertEquals(2 * Charts.WIDTH, ImageIO.read(folder.resolve("slices.png").toFile()).getWidth());
    }

    @Test
    void theMapHoldsLogLossOnTheGrid() {
        Table table = slices(3, true).where("model", "a"::equals).where("centre", "exact"::equals);
        List<Number[]> cells = new ArrayList<>(SliceFigure.heatMap(table, "t").getHeatMapSeries().getHeatData());
        assertEquals(9, cells.size());
        Number[] middle = cells.stream().filter(c -> c[0].intValue() == 1 && c[1].intValue() == 1).findFirst()
                .orElseThrow();
        assertEquals(-3, middle[2].doubleValue(), 1e-9);
        assertTrue(cells.stream().allMatch(c -> c[2].doubleValue() >= -3 - 1e-9), "the bowl's bottom is the least");
    }
}
