package org.minima.walk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.minima.api.Table;
import org.minima.api.data.BoardStream;
import org.minima.api.data.Boards;
import org.minima.api.model.Activation;
import org.minima.api.model.LayerParams;
import org.minima.api.model.ModelSpec;
import org.minima.api.model.ParameterLayout;
import org.minima.api.model.ParameterVector;
import org.minima.api.train.TrainedModel;

/** Alignment recovers an exact solution hidden by its own symmetries, and the walk between such copies is flat. */
class AlignmentTest {

    private static final ModelSpec SPEC = new ModelSpec(2, 3, 1, Activation.RELU);
    private static final ParameterLayout LAYOUT = Fixtures.FIRNER.layout(SPEC);

    @TempDir
    Path folder;

    private static ParameterVector exact() {
        return Fixtures.EXACT.construct("R", Fixtures.data(2).game(), LAYOUT, 2, 10);
    }

    /**
     * {@code values} with every hidden layer's output channels permuted at random and each channel rescaled by a
     * random power of two (the next layer's inputs by its inverse): the same function, written independently of
     * {@link Alignment}.
     */
    static ParameterVector scrambled(ParameterLayout layout, ParameterVector values, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        float[] out = values.toArray();
        for (int index = 0; index < layout.layers().size() - 1; index++) {
            LayerParams layer = layout.layers().get(index);
            LayerParams next = layout.layers().get(index + 1);
            List<Integer> order = new ArrayList<>();
            for (int o = 0; o < layer.out(); o++) {
                order.add(o);
            }
            Collections.shuffle(order, new Random(random.nextLong()));
            float[] before = out.clone();
            for (int to = 0; to < layer.out(); to++) {
                int from = order.get(to);
                float scale = (float) Math.pow(2, random.nextInt(-3, 4));
                for (int i = 0; i < layer.in(); i++) {
                    for (int r = 0; r < layer.kernelHeight(); r++) {
                        for (int c = 0; c < layer.kernelWidth(); c++) {
                            out[layer.weightIndex(to, i, r, c)] = scale * before[layer.weightIndex(from, i, r, c)];
                        }
                    }
                }
                out[layer.biasIndex(to)] = scale * before[layer.biasIndex(from)];
                for (int o = 0; o < next.out(); o++) {
                    for (int r = 0; r < next.kernelHeight(); r++) {
                        for (int c = 0; c < next.kernelWidth(); c++) {
                            out[next.weightIndex(o, to, r, c)] = before[next.weightIndex(o, from, r, c)] / scale;
                        }
                    }
                }
            }
        }
        return ParameterVector.of(out);
    }

    @Test
    void aScrambledCopyComputesTheSameAndAlignmentRecoversItExactly() {
        ParameterVector exact = exact();
        ParameterVector copy = scrambled(LAYOUT, exact, 7);
        assertTrue(copy.l1Distance(exact) > 10, "the copy lies elsewhere: " + copy.l1Distance(exact));
        Boards boards = Fixtures.DATA.sample(Fixtures.data(2), BoardStream.probe(0), 0, 200);
        double loss = Fixtures.FIRNER.network(SPEC, exact).loss(boards.input(), boards.target());
        assertEquals(loss, Fixtures.FIRNER.network(SPEC, copy).loss(boards.input(), boards.target()), 1e-12 * loss);
        assertEquals(0.0, Alignment.align(LAYOUT, copy, exact).l1Distance(exact), 0);
        assertEquals(0.0, Alignment.align(LAYOUT, exact, copy).l1Distance(copy), 0);
    }

    @Test
    void fromAScrambledExactSolutionTheAlignedWalkIsFlatWhereTheStraightOneClimbs() {
        TrainedModel copy = new TrainedModel("copy", "firner", "pytorch-default", SPEC, Fixtures.data(2), 3,
                scrambled(LAYOUT, exact(), 7));
        Table rows = new AlignedWalk().probe(copy, Fixtures.context(folder, Fixtures.FIRNER,
                Optional.of(Fixtures.EXACT), Map.of("points", "10", "boards", "200",
                        "construction", "R")).build());
        assertEquals(AlignedWalk.ALIGNED_COLUMNS, rows.columns());
        assertEquals(0.0, rows.number(0, "l1_to_exact"), 0, "the aligned end is the copy itself");
        assertEquals(0.0, rows.number(0, "barrier"), 0, "a walk from a point to itself is flat");
        for (int k = 0; k <= 10; k++) {
            assertEquals(1.0, rows.number(k, "board_exact"), 0);
        }
        assertTrue(rows.number(0, "straight_l1") > 10, "the unaligned end lies elsewhere");
        assertTrue(rows.number(0, "straight_barrier") > 0.1,
                "between two copies the straight line climbs: " + rows.number(0, "straight_barrier"));
    }
}
