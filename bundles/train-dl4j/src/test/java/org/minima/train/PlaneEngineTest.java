package org.minima.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.minima.train.Fixtures.assertClose;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.minima.api.data.Boards;
import org.minima.api.model.Activation;
import org.minima.api.model.Model;
import org.minima.api.model.ModelSpec;
import org.minima.api.model.Padding;
import org.minima.api.model.ParameterLayout;
import org.minima.api.model.ParameterVector;
import org.minima.api.train.Optimizer;
import org.minima.arch.SpringerKenyonModel;

/**
 * The plane engine computes what the fused engine computes (itself checked against DL4J's convolution layers and
 * finite differences): the same gradient, loss and training, for both forms, both activations, both paddings, a
 * shifted input, dropout and frozen blocks, on batches that span several tiles.
 */
class PlaneEngineTest {

    private static final int SIZE = 6;
    /** 6×6 boards are 64 bordered cells, 16 to 1024 cells: 40 boards are three tiles of 14, 14 and 12. */
    private static final int COUNT = 40;

    static Stream<Arguments> networks() {
        Model firner = Fixtures.FIRNER;
        Model springerKenyon = new SpringerKenyonModel();
        ModelSpec shifted = new ModelSpec(2, 2, 1, Activation.LEAKY_RELU).withInputShift(-0.5);
        return Stream.of(
                Arguments.of(firner, new ModelSpec(1, 1, 1, Activation.RELU)),
                Arguments.of(firner, new ModelSpec(2, 3, 1, Activation.LEAKY_RELU)),
                Arguments.of(firner, new ModelSpec(3, 2, 1, Activation.RELU, Padding.CIRCULAR)),
                Arguments.of(firner, shifted),
                Arguments.of(springerKenyon, new ModelSpec(2, 2, 1, Activation.RELU)),
                Arguments.of(springerKenyon, new ModelSpec(3, 1, 1, Activation.LEAKY_RELU, Padding.CIRCULAR)));
    }

    @ParameterizedTest
    @MethodSource("networks")
    void theGradientIsTheFusedEngines(Model model, ModelSpec spec) {
        ParameterLayout layout = model.layout(spec);
        ParameterVector params = Fixtures.initial(model, spec, 6);
        Boards boards = Fixtures.batch(spec.steps(), SIZE, COUNT, 2);
        float[] fused = fused(spec, layout, params, Set.of(), Dropout.NONE).computeGradient(boards).toFloatVector();
        float[] planes = planes(spec, layout, params, Set.of(), Dropout.NONE).computeGradient(boards);
        assertClose(fused, planes, 1e-5);
    }

    @ParameterizedTest
    @MethodSource("networks")
    void trainingUnderAdamFollowsTheFusedEngineWithinRounding(Model model, ModelSpec spec) {
        ParameterLayout layout = model.layout(spec);
        ParameterVector params = Fixtures.initial(model, spec, 3);
        Engine fused = fused(spec, layout, params, Set.of(), Dropout.NONE);
        Engine planes = planes(spec, layout, params, Set.of(), Dropout.NONE);
        for (int k = 0; k < 5; k++) {
            Boards boards = Fixtures.batch(spec.steps(), SIZE, COUNT, k);
            double expected = fused.step(boards, true);
            assertEquals(expected, planes.step(boards, true), 1e-6 * expected, "loss of batch " + k);
        }
        assertClose(fused.parameters().toArray(), planes.parameters().toArray(), 1e-4);
        assertTrue(planes.parameters().l1Distance(params) > 1e-3, "training moved the parameters");
    }

    /**
     * A model's numbers do not depend on when the JIT compiler gets to the kernels: the same training in a JVM limited
     * to the first compiler tier, where every Vector API operation runs as its Java fallback, ends bit for bit where
     * it ends here with the kernels compiled to vector instructions. The Vector API's own lane reduction and EXP round
     * differently in the two; with either, this fails.
     */
    @Test
    void trainingIsBitIdenticalWhetherTheKernelsAreCompiledOrNot() throws Exception {
        // enough runs for the JIT compiler's last tier to compile the kernels (50 were not)
        for (int k = 0; k < 1000; k++) {
            trainedForTheDeterminismCheck();
        }
        String compiled = Arrays.toString(trainedForTheDeterminismCheck().toArray());
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process process = new ProcessBuilder(java.toString(), "--add-modules", "jdk.incubator.vector",
                "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
                PlaneEngineTest.class.getName()).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String uncompiled = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        assertTrue(process.waitFor(3, TimeUnit.MINUTES));
        assertEquals(compiled, uncompiled);
    }

    /** Prints {@link #trainedForTheDeterminismCheck()}'s parameters, for the check's second JVM. */
    public static void main(String[] args) {
        System.out.println(Arrays.toString(trainedForTheDeterminismCheck().toArray()));
    }

    private static ParameterVector trainedForTheDeterminismCheck() {
        ModelSpec spec = new ModelSpec(2, 3, 1, Activation.LEAKY_RELU);
        ParameterLayout layout = Fixtures.FIRNER.layout(spec);
        Engine planes = planes(spec, layout, Fixtures.initial(Fixtures.FIRNER, spec, 2), Set.of(), Dropout.NONE);
        for (int k = 0; k < 3; k++) {
            planes.step(Fixtures.batch(spec.steps(), SIZE, COUNT, k), false);
        }
        return planes.parameters();
    }

    @Test
    void dropoutDrawsTheFusedEnginesMasksAndGivesItsGradient() {
        ModelSpec spec = new ModelSpec(2, 2, 1, Activation.RELU);
        ParameterLayout layout = Fixtures.FIRNER.layout(spec);
        ParameterVector params = Fixtures.initial(Fixtures.FIRNER, spec, 9);
        Boards boards = Fixtures.batch(2, SIZE, COUNT, 1);
        Dropout dropout = new Dropout(0.4, 11);
        FusedEngine fused = fused(spec, layout, params, Set.of(), dropout);
        fused.drawDropout();
        PlaneEngine planes = planes(spec, layout, params, Set.of(), dropout);
        planes.drawDropout();
        float[] expected = fused.computeGradient(boards).toFloatVector();
        assertClose(expected, planes.computeGradient(boards), 1e-5);
        float[] undropped = planes(spec, layout, params, Set.of(), Dropout.NONE).computeGradient(boards);
        double largest = 0;
        for (int i = 0; i < expected.length; i++) {
            largest = Math.max(largest, Math.abs(expected[i] - undropped[i]));
        }
        assertTrue(largest > 1e-5, "the mask changes the gradient: " + largest);
    }

    @Test
    void frozenBlocksKeepTheirParametersAndTheOthersTrainAsInTheFusedEngine() {
        ModelSpec spec = new ModelSpec(3, 2, 1, Activation.LEAKY_RELU);
        ParameterLayout layout = Fixtures.FIRNER.layout(spec);
        ParameterVector params = Fixtures.initial(Fixtures.FIRNER, spec, 4);
        for (Set<Integer> frozen : java.util.List.of(Set.of(0), Set.of(1), Set.of(0, 2))) {
            Engine fused = fused(spec, layout, params, frozen, Dropout.NONE);
            Engine planes = planes(spec, layout, params, frozen, Dropout.NONE);
            for (int k = 0; k < 3; k++) {
                Boards boards = Fixtures.batch(3, SIZE, COUNT, k);
                fused.step(boards, false);
                planes.step(boards, false);
            }
            float[] after = planes.parameters().toArray();
            for (int i : layout.indicesOf(frozen)) {
                assertEquals(params.get(i), after[i], "frozen parameter " + i + " of blocks " + frozen);
            }
            assertClose(fused.parameters().toArray(), after, 1e-4);
            assertTrue(planes.parameters().l1Distance(params) > 1e-3, "the other blocks trained");
        }
    }

    private static FusedEngine fused(ModelSpec spec, ParameterLayout layout, ParameterVector params,
                                     Set<Integer> frozen, Dropout dropout) {
        return new FusedEngine(layout, spec, params, frozen, Optimizer.adam(0.01), COUNT, SIZE, SIZE, dropout,
                FusedLayer.FLUSH_BELOW);
    }

    private static PlaneEngine planes(ModelSpec spec, ParameterLayout layout, ParameterVector params,
                                      Set<Integer> frozen, Dropout dropout) {
        return new PlaneEngine(layout, spec, params, frozen, Optimizer.adam(0.01), COUNT, SIZE, SIZE, dropout,
                FusedLayer.FLUSH_BELOW);
    }
}
