package org.minima.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.minima.api.Table;
import org.minima.api.data.Game;
import org.minima.api.data.Neighbourhood;
import org.minima.api.model.Activation;
import org.minima.api.model.ModelSpec;
import org.minima.api.model.ParameterLayout;
import org.minima.api.model.ParameterVector;
import org.minima.arch.FirnerModel;
import org.minima.exact.ExactSolutions;

/**
 * The exact-start initializers (bundle init-presolved) through the real framework, as variants of one service in
 * the init axis: a frozen presolved middle block stays the exact solution's through training, bit for bit.
 */
class InitVariantsIT {

    private static final String PROFILE = MinimaHome.TINY_TRAINING.replace("steps = 1", "steps = 2")
            .replace("model.width = 1, 2", "model.width = 2") + """
            solutions = exact
            train.batches = 60
            train.batch-size = 16
            init = pytorch-default, middle-frozen:presolved, flipped:exact-signflip
            middle-frozen.freeze = true
            flipped.flips = 2
            """;

    @TempDir
    Path dir;

    @Test
    void variantsOfOneInitializerAreAxisPointsWithTheirOwnOptions() throws Exception {
        MinimaHome minima = new MinimaHome(dir);
        minima.profile("variants", PROFILE);
        MinimaHome.Result result = minima.run("run", "variants");
        assertEquals(0, result.exitCode(), result.output());
        Path run = minima.onlyRunFolder("variants");
        Table training = MinimaHome.table(run, "training");
        assertEquals(List.of("pytorch-default", "middle-frozen", "flipped"), training.distinct("init"));
        String frozen = "von-neumann-dead-p0.5-n2-m2-middle-frozen-s1";
        assertEquals(List.of("von-neumann-dead-p0.5-n2-m2-pytorch-default-s1", frozen,
                "von-neumann-dead-p0.5-n2-m2-flipped-s1"), training.distinct("model"));
        assertEquals("1", training.text(1, "frozen_blocks"), "the middle of two blocks is the second");
        assertTrue(training.text(1, "init_options").contains("freeze=true"), training.text(1, "init_options"));
        assertTrue(training.text(2, "init_options").contains("flips=2"), training.text(2, "init_options"));
        assertEquals(3, MinimaHome.table(run, "summary").distinct("init").size());

        ModelSpec spec = new ModelSpec(2, 2, 1, Activation.RELU);
        ParameterLayout layout = new FirnerModel().layout(spec);
        ParameterVector exact = new ExactSolutions().construct("R", Game.conway(Neighbourhood.VON_NEUMANN), layout,
                2, 10);
        ParameterVector trained = new FirnerModel().load(run.resolve("models").resolve(frozen + ".zip"))
                .parameters();
        for (int i : layout.indicesOf(Set.of(1))) {
            assertEquals(Float.floatToIntBits(exact.get(i)), Float.floatToIntBits(trained.get(i)),
                    "frozen presolved parameter " + i);
        }
        int moved = 0;
        for (int i : layout.indicesOf(Set.of(0))) {
            moved += trained.get(i) != exact.get(i) ? 1 : 0;
        }
        assertNotEquals(0, moved, "block 0 is PyTorch's draw, trained");
    }

    @Test
    void aVariantNameMustBeAValidNameAndOnlyTheInitAxisTakesVariants() throws Exception {
        MinimaHome minima = new MinimaHome(dir);
        minima.profile("bad", PROFILE.replace("middle-frozen:presolved", "Middle:presolved"));
        MinimaHome.Result bad = minima.run("run", "bad");
        assertEquals(2, bad.exitCode(), bad.output());
        assertTrue(bad.output().contains("variant name 'Middle'"), bad.output());
        minima.profile("probe", MinimaHome.TINY_TRAINING + "solutions = exact\nprobes = walk:straight-walk\n");
        MinimaHome.Result probe = minima.run("run", "probe");
        assertEquals(2, probe.exitCode(), probe.output());
        assertTrue(probe.output().contains("only key 'init' takes variants"), probe.output());
    }
}
