package org.minima.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.minima.api.Table;
import org.minima.testkit.TestRunContext;

class BlockFigureTest {

    @TempDir
    Path folder;

    /** Two models of three blocks, each walk of two points carrying its barrier on both rows. */
    private static Table walks() {
        Table.Builder table = Table.builder("block_walk", List.of("model", "block", "alpha", "barrier"));
        for (String model : List.of("a", "b")) {
            for (int block = 0; block < 3; block++) {
                for (String alpha : List.of("0.0", "1.0")) {
                    table.row(model, String.valueOf(block), alpha, String.valueOf(block + (model.equals("a") ? 0 : 5)));
                }
            }
        }
        return table.build();
    }

    @Test
    void oneCellPerModelAndBlockHoldingItsBarrier() throws Exception {
        var chart = BlockFigure.heatMap(walks());
        List<Number[]> cells = new ArrayList<>(chart.getHeatMapSeries().getHeatData());
        assertEquals(6, cells.size(), "two models times three blocks, each once");
        assertEquals(7.0, cells.stream().filter(c -> c[0].intValue() == 2 && c[1].intValue() == 1).findFirst()
                .orElseThrow()[2].doubleValue(), 0);
        new BlockFigure().draw(TestRunContext.in(folder).table(walks()).build());
        assertTrue(ImageIO.read(folder.resolve("blocks.png").toFile()).getWidth() > 0);
    }

    @Test
    void aTableWithoutBarriersIsNamed() {
        Table bare = Table.builder("block_walk", List.of("model", "block")).row("a", "0").build();
        String message = assertThrows(IllegalArgumentException.class,
                () -> new BlockFigure().draw(TestRunContext.in(folder).table(bare).build())).getMessage();
        assertTrue(message.contains("barrier"), message);
    }
}
