package org.minima.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.minima.api.Table;
import org.minima.api.run.RunContext;
import org.minima.testkit.Experiments;
import org.minima.testkit.TestRunContext;

/** Success against n per initializer, and return to success against a perturbation read from recorded options. */
class InitFiguresTest {

    private static final List<String> INITS = List.of("pytorch-default", "noise-10pct", "noise-100pct", "flip-1",
            "flip-4");
    private static final Map<String, String> OPTIONS = Map.of("pytorch-default", "", "noise-10pct",
            "construction=auto; margin=0; scale=relative; sigma=0.1", "noise-100pct",
            "construction=auto; margin=0; scale=relative; sigma=1.0", "flip-1", "construction=auto; flips=1; margin=0",
            "flip-4", "construction=auto; flips=4; margin=0");

    @TempDir
    Path folder;

    @Test
    void onePanelPerWidthWithOneLinePerInitializer() throws Exception {
        new InitFigure().draw(context(summary(List.of(1, 5))));
        assertEquals(2 * Charts.WIDTH, ImageIO.read(folder.resolve("init.png").toFile()).getWidth(), "m = 1 and 5");
        assertTrue(Files.readString(folder.resolve("init.svg")).contains("</svg>"), "a complete SVG");
    }

    @Test
    void basinsReadTheSizeOfEachPerturbationFromTheRecordedOptions() throws Exception {
        Table training = training();
        assertEquals(Map.of("noise-10pct", 0.1, "noise-100pct", 1.0), BasinFigure.sizes(training, "sigma"));
        assertEquals(Map.of("flip-1", 1.0, "flip-4", 4.0), BasinFigure.sizes(training, "flips"));
        assertEquals(Optional.empty(), BasinFigure.value("construction=auto; margin=0", "sigma"));
        new BasinFigure().draw(context(summary(List.of(2))));
        assertEquals(2 * Charts.WIDTH, ImageIO.read(folder.resolve("basins.png").toFile()).getWidth(),
                "a sigma panel and a flips panel");
    }

    @Test
    void aRunWithoutPerturbationsSaysWhichInitializersToBind() {
        Table plain = new Table("training", List.of("init", "init_options"), List.of(List.of("pytorch-default", "")));
        RunContext context = TestRunContext.in(folder).experiment(Experiments.firner(List.of(1, 2), List.of(2)))
                .table(summary(List.of(2))).table(plain).build();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new BasinFigure().draw(context));
        assertTrue(e.getMessage().contains("exact-noise or exact-signflip"), e.getMessage());
    }

    private RunContext context(Table summary) {
        return TestRunContext.in(folder).experiment(Experiments.firner(List.of(1, 2), List.of(1, 5)))
                .table(summary).table(training()).build();
    }

    /** Success falling with n and with the size of the perturbation, as read back from CSV. */
    private static Table summary(List<Integer> widths) {
        Table.Builder table = Table.builder("summary", SuccessFiguresTest.COLUMNS);
        for (int m : widths) {
            for (int n : List.of(1, 2)) {
                for (int i = 0; i < INITS.size(); i++) {
                    double rate = Math.max(0, 1 - 0.2 * i - 0.1 * n);
                    table.row(text("firner", INITS.get(i), "B3/S23", "von-neumann", "dead", 0.5, n, m, "5x5", 20,
                            Math.round(20 * rate), rate, Math.max(0, rate - 0.2), Math.min(1, rate + 0.2), rate, 0.1,
                            0.9, 0.05, 0.1));
                }
            }
        }
        return table.build();
    }

    private static Table training() {
        Table.Builder table = Table.builder("training", List.of("init", "init_options"));
        INITS.forEach(init -> table.row(init, OPTIONS.get(init)));
        return table.build();
    }

    private static Object[] text(Object... values) {
        return java.util.Arrays.stream(values).map(String::valueOf).toArray();
    }
}
