package org.minima.init.presolved;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.minima.api.InvalidOption;
import org.minima.api.init.Initialization;
import org.minima.api.init.Initializer;
import org.minima.api.model.LayerParams;
import org.minima.api.model.ModelSpec;
import org.minima.api.model.ParameterLayout;
import org.minima.api.model.ParameterVector;
import org.minima.init.pytorch.PyTorchDefault;
import org.minima.testkit.Experiments;
import org.minima.testkit.TestRunContext;

/** Presolved blocks hold the exact weights, the others PyTorch's draw of the same seed; names mean what they say. */
class PresolvedTest {

    private static final Initializer PYTORCH = new PyTorchDefault();
    private static final Presolved PRESOLVED = new Presolved(PYTORCH);

    @TempDir
    Path folder;

    @Test
    void theMiddleBlockIsExactAndTheOthersArePyTorchsDrawOfTheSameSeed() {
        ModelSpec spec = Starts.spec(3, 2);
        ParameterLayout layout = Starts.FIRNER.layout(spec);
        Initialization start = PRESOLVED.initialise(Starts.request(PRESOLVED, spec, 7, Map.of()));
        ParameterVector exact = Starts.exact(spec).parameters();
        ParameterVector plain = PYTORCH.initialise(Starts.request(PYTORCH, spec, 7, Map.of())).parameters();
        for (LayerParams layer : layout.layers()) {
            ParameterVector expected = layer.block() == 1 ? exact : plain;
            for (int i = layer.weightOffset(); i < layer.weightOffset() + layer.weightCount(); i++) {
                assertEquals(expected.get(i), start.parameters().get(i), layer.name() + " weight " + i);
            }
            for (int o = 0; o < layer.out(); o++) {
                assertEquals(expected.get(layer.biasIndex(o)), start.parameters().get(layer.biasIndex(o)),
                        layer.name() + " bias " + o);
            }
        }
        assertEquals(Set.of(), start.frozenBlocks());
        Initialization frozen = PRESOLVED.initialise(Starts.request(PRESOLVED, spec, 7,
                Map.of("freeze", "true", "blocks", "first, last")));
        assertEquals(Set.of(0, 2), frozen.frozenBlocks());
    }

    @Test
    void presolvingEveryBlockStartsAtTheExactSolutionItself() {
        ModelSpec spec = Starts.spec(3, 1);
        Initialization start = PRESOLVED.initialise(Starts.request(PRESOLVED, spec, 2, Map.of("blocks", "all")));
        assertEquals(Starts.exact(spec).parameters(), start.parameters(), "F at m = 1, which is exact");
    }

    @Test
    void blockNamesForOddAndEvenDepths() {
        assertEquals(Set.of(1), Presolved.blocks(List.of("middle"), 3));
        assertEquals(Set.of(1), Presolved.blocks(List.of("middle"), 2), "the later of two middle blocks");
        assertEquals(Set.of(0), Presolved.blocks(List.of("middle"), 1));
        assertEquals(Set.of(0, 1, 3, 4), Presolved.blocks(List.of("all-but-one"), 5));
        assertEquals(Set.of(0, 1, 2), Presolved.blocks(List.of("all"), 3));
        assertEquals(Set.of(0, 4, 9), Presolved.blocks(List.of("first", "4", "last"), 10));
        IllegalArgumentException outside = assertThrows(IllegalArgumentException.class,
                () -> Presolved.blocks(List.of("3"), 2));
        assertEquals("block 3 is not in a network of 2 blocks (0..1)", outside.getMessage());
        IllegalArgumentException word = assertThrows(IllegalArgumentException.class,
                () -> Presolved.blocks(List.of("centre"), 2));
        assertTrue(word.getMessage().contains("'centre' names no block"), word.getMessage());
    }

    @Test
    void aBlockOutsideAGridsNetworkOrAConstructionThatDoesNotFitIsRefusedBeforeTraining() {
        InvalidOption block = assertThrows(InvalidOption.class, () -> PRESOLVED.check(study(Map.of("blocks", "2"),
                List.of(1, 3))));
        assertEquals("blocks", block.key());
        assertTrue(block.getMessage().contains("not in a network of 1 blocks"), block.getMessage());
        InvalidOption construction = assertThrows(InvalidOption.class, () -> PRESOLVED.check(
                study(Map.of("construction", "R"), List.of(1))));
        assertEquals("construction", construction.key());
        assertTrue(construction.getMessage().contains("at n = 1, m = 1"), construction.getMessage());
        InvalidOption everything = assertThrows(InvalidOption.class, () -> PRESOLVED.check(
                study(Map.of("blocks", "all", "freeze", "true"), List.of(2))));
        assertEquals("freeze", everything.key());
        assertTrue(everything.getMessage().contains("leaving nothing to train"), everything.getMessage());
        PRESOLVED.check(study(Map.of("blocks", "all-but-one"), List.of(1, 2, 3)));
        PRESOLVED.check(study(Map.of("blocks", "middle", "freeze", "true"), List.of(2, 3)));
    }

    /** A study of Firner's grid at {@code steps} and m = 1, 2 with the presolved initializer's {@code options}. */
    private TestRunContext study(Map<String, String> options, List<Integer> steps) {
        return TestRunContext.in(folder).settings(PRESOLVED, options).model(Starts.FIRNER).solutions(Starts.EXACT)
                .experiment(Experiments.firner(steps, List.of(1, 2))).build();
    }
}
