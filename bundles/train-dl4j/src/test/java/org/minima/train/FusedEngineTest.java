package org.minima.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import java.util.stream.Stream;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.minima.api.data.Boards;
import org.minima.api.data.Game;
import org.minima.api.data.Neighbourhood;
import org.minima.api.model.Activation;
import org.minima.api.model.Model;
import org.minima.api.model.ModelSpec;
import org.minima.api.model.Network;
import org.minima.api.model.Padding;
import org.minima.api.model.ParameterLayout;
import org.minima.api.model.ParameterVector;
import org.minima.api.model.Solutions;
import org.minima.api.train.Optimizer;
import org.minima.arch.SpringerKenyonModel;
import org.minima.arch.dl4j.ConvChain;
import org.minima.exact.ExactSolutions;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.lossfunctions.impl.LossBinaryXENT;

/** The fused engine computes exactly what DL4J's convolutional network computes, and its gradients are right. */
class FusedEngineTest {

    private static final int SIZE = 6;
    private static final int COUNT = 8;

    static Stream<Arguments> networks() {
        return Stream.of(
                Arguments.of(Fixtures.FIRNER, 1, 1, Activation.RELU),
                Arguments.of(Fixtures.FIRNER, 2, 3, Activation.LEAKY_RELU),
                Arguments.of(new SpringerKenyonModel(), 2, 2, Activation.RELU),
                Arguments.of(new SpringerKenyonModel(), 3, 1, Activation.LEAKY_RELU));
    }

    @ParameterizedTest
    @MethodSource("networks")
    void gradientsMatchDl4jsOwnConvolutionLayersInDoublePrecision(Model model, int steps, int width,
                                                                  Activation activation) {
        ModelSpec spec = new ModelSpec(steps, width, 1, activation);
        ParameterLayout layout = model.layout(spec);
        ParameterVector params = Fixtures.initial(model, spec, 5);
        Boards boards = Fixtures.batch(steps, SIZE, COUNT, 0);

        FusedEngine fused = engine(layout, params, Optimizer.sgd(0.1));
        double[] fusedGradient = toDouble(fused.computeGradient(boards));
        double fusedLoss = fused.forwardOnly(boards);

        MultiLayerNetwork reference = ConvChain.of(layout)
                .withLoss(new LossBinaryXENT(Nd4j.createFromArray(1.0 / (SIZE * SIZE))))
                .withDataType(DataType.DOUBLE).network(params);
        reference.setInput(boards.input().castTo(DataType.DOUBLE));
        reference.setLabels(boards.target().castTo(DataType.DOUBLE));
        reference.computeGradientAndScore();
        // DL4J returns the gradient summed over the minibatch and divides by its size in the updater
        double[] referenceGradient = reference.gradient().gradient().dup('c').div(COUNT).toDoubleVector();

        assertEquals(reference.score(), fusedLoss, 1e-5, "loss");
        assertClose(referenceGradient, fusedGradient, 2e-4);
    }

    @ParameterizedTest
    @MethodSource("networks")
    void gradientsMatchCentralFiniteDifferences(Model model, int steps, int width, Activation activation) {
        ModelSpec spec = new ModelSpec(steps, width, 1, activation);
        ParameterLayout layout = model.layout(spec);
        ParameterVector params = Fixtures.initial(model, spec, 9);
        Boards boards = Fixtures.batch(steps, SIZE, COUNT, 1);
        double[] gradient = toDouble(engine(layout, params, Optimizer.sgd(0.1)).computeGradient(boards));
        double h = 1e-2;
        for (int i = 0; i < params.size(); i += Math.max(1, params.size() / 25)) {
            double up = engine(layout, shifted(params, i, h), Optimizer.sgd(0.1)).forwardOnly(boards);
            double down = engine(layout, shifted(params, i, -h), Optimizer.sgd(0.1)).forwardOnly(boards);
            double numeric = (up - down) / (2 * h);
            assertEquals(numeric, gradient[i], 2e-4 + 0.02 * Math.abs(numeric), "parameter " + i);
        }
    }

    /**
     * Under circular padding the engine's loss and gradient are the wrapped network's (the forward pass that
     * evaluation and probes use, itself checked against a naive torus), its gradient matches central finite
     * differences, and both differ from zero padding's.
     */
    @ParameterizedTest
    @MethodSource("networks")
    void circularPaddingGivesTheWrappedNetworksLossAndGradient(Model model, int steps, int width,
                                                               Activation activation) {
        ModelSpec spec = new ModelSpec(steps, width, 1, activation, Padding.CIRCULAR);
        ParameterLayout layout = model.layout(spec);
        // a seed that leaves every network here alive at the edge (seed 5 leaves the (1, 1) one dead: no padding shows)
        ParameterVector params = Fixtures.initial(model, spec, 6);
        Boards boards = Fixtures.batch(steps, SIZE, COUNT, 2);
        double[] gradient = toDouble(circular(spec, layout, params).computeGradient(boards));
        Network wrapped = model.network(spec, params);
        assertEquals(wrapped.loss(boards.input(), boards.target()), circular(spec, layout, params).forwardOnly(boards),
                1e-5, "loss");
        assertClose(toDouble(wrapped.gradient(boards.input(), boards.target())), gradient, 2e-4);
        double h = 1e-2;
        for (int i = 0; i < params.size(); i += Math.max(1, params.size() / 25)) {
            double up = circular(spec, layout, shifted(params, i, h)).forwardOnly(boards);
            double down = circular(spec, layout, shifted(params, i, -h)).forwardOnly(boards);
            double numeric = (up - down) / (2 * h);
            assertEquals(numeric, gradient[i], 2e-4 + 0.05 * Math.abs(numeric),
                    "parameter " + i + ": the engine's gradient against central differences of its loss");
        }
        assertDiffer(gradient, toDouble(engine(layout, params, Optimizer.sgd(0.1)).computeGradient(boards)),
                "the wrap changes the gradient");
    }

    private static FusedEngine circular(ModelSpec spec, ParameterLayout layout, ParameterVector params) {
        return new FusedEngine(layout, spec, params, Set.of(), Optimizer.sgd(0.1), COUNT, SIZE, SIZE, Dropout.NONE,
                FusedLayer.FLUSH_BELOW);
    }

    @ParameterizedTest
    @MethodSource("networks")
    void trainsToTheSameParametersAsDl4jsNetworkUnderSgd(Model model, int steps, int width, Activation activation) {
        assertTrainsLikeDl4jsNetwork(new ModelSpec(steps, width, 1, activation), model, Optimizer.sgd(0.5));
    }

    @ParameterizedTest
    @MethodSource("networks")
    void trainsToTheSameParametersAsDl4jsNetworkUnderAdam(Model model, int steps, int width, Activation activation) {
        assertTrainsLikeDl4jsNetwork(new ModelSpec(steps, width, 1, activation), model, Optimizer.adam(0.01));
    }

    /**
     * Firner's input shift (cells of -0.5 and 0.5, zeros beyond the edge) trains in the fused engine as in DL4J's own
     * network fed the shifted boards, and the trained network evaluates with the same shift: its loss and gradient
     * are the engine's, and differ from those of the unshifted input.
     */
    @ParameterizedTest
    @MethodSource("networks")
    void aShiftedInputTrainsLikeDl4jsNetworkAndEvaluatesTheSame(Model model, int steps, int width,
                                                                 Activation activation) {
        ModelSpec spec = new ModelSpec(steps, width, 1, activation).withInputShift(-0.5);
        assertTrainsLikeDl4jsNetwork(spec, model, Optimizer.adam(0.01));
        ParameterLayout layout = model.layout(spec);
        ParameterVector params = Fixtures.initial(model, spec, 6);
        Boards boards = Fixtures.batch(steps, SIZE, COUNT, 2);
        FusedEngine shifted = new FusedEngine(layout, spec, params, Set.of(), Optimizer.sgd(0.1), COUNT, SIZE, SIZE,
                Dropout.NONE, FusedLayer.FLUSH_BELOW);
        Network evaluated = model.network(spec, params);
        double loss = evaluated.loss(boards.input(), boards.target());
        assertEquals(loss, shifted.forwardOnly(boards), 1e-5, "loss");
        assertClose(toDouble(evaluated.gradient(boards.input(), boards.target())),
                toDouble(shifted.computeGradient(boards)), 2e-4);
        // at PyTorch's initialisation the output hardly depends on the input; Adam's steps, scaled per parameter, show
        // that the first layers see another input
        ParameterVector plain = train(new ModelSpec(steps, width, 1, activation), layout, params, Dropout.NONE,
                FusedLayer.FLUSH_BELOW, 5);
        ParameterVector shiftedRun = train(spec, layout, params, Dropout.NONE, FusedLayer.FLUSH_BELOW, 5);
        assertTrue(shiftedRun.l1Distance(plain) > 1e-3, "the shift changes training");
    }

    private static void assertDiffer(double[] one, double[] other, String message) {
        double largest = 0;
        for (int i = 0; i < one.length; i++) {
            largest = Math.max(largest, Math.abs(one[i] - other[i]));
        }
        assertTrue(largest > 1e-5, message + ": " + largest);
    }

    @ParameterizedTest
    @MethodSource("networks")
    void frozenBlocksKeepTheirParameters(Model model, int steps, int width, Activation activation) {
        ModelSpec spec = new ModelSpec(steps, width, 1, activation);
        ParameterLayout layout = model.layout(spec);
        ParameterVector params = Fixtures.initial(model, spec, 4);
        FusedEngine fused = new FusedEngine(layout, params, Set.of(0), Optimizer.adam(0.01), COUNT, SIZE, SIZE);
        for (int k = 0; k < 3; k++) {
            fused.step(Fixtures.batch(steps, SIZE, COUNT, k), false);
        }
        int[] frozen = layout.indicesOf(Set.of(0));
        float[] after = fused.parameters().toArray();
        for (int i : frozen) {
            assertEquals(params.get(i), after[i], "frozen parameter " + i);
        }
        boolean othersExist = layout.blocks() > 1;
        assertEquals(othersExist, fused.parameters().l1Distance(params) > 1e-3,
                "the other blocks, if any, trained");
    }

    @ParameterizedTest
    @ValueSource(strings = {"F", "S8"})
    void reportsTheExactLossOfAnExactSolutionToFullPrecision(String construction) {
        ModelSpec spec = new ModelSpec(2, 1, 1, Activation.RELU);
        ParameterLayout layout = Fixtures.FIRNER.layout(spec);
        Solutions solutions = new ExactSolutions();
        ParameterVector exact = solutions.construct(construction, Game.conway(Neighbourhood.VON_NEUMANN), layout, 2,
                solutions.defaultMargin(construction));
        Boards boards = Fixtures.batch(2, SIZE, COUNT, 3);
        double reference = Fixtures.FIRNER.network(spec, exact).loss(boards.input(), boards.target());
        double fused = engine(layout, exact, Optimizer.sgd(0.1)).forwardOnly(boards);
        assertTrue(reference > 0 && reference < 1e-3, "an exact solution's loss is tiny but positive: " + reference);
        assertEquals(reference, fused, 1e-6 * reference, "relative to the loss itself, not to 1");
    }

    @Test
    void gradientsUnderOneDropoutMaskMatchCentralFiniteDifferencesUnderThatMask() {
        ModelSpec spec = new ModelSpec(2, 2, 1, Activation.RELU);
        ParameterLayout layout = Fixtures.FIRNER.layout(spec);
        ParameterVector params = Fixtures.initial(Fixtures.FIRNER, spec, 9);
        Boards boards = Fixtures.batch(2, SIZE, COUNT, 1);
        Dropout dropout = new Dropout(0.4, 11);
        double[] gradient = toDouble(dropped(spec, layout, params, dropout).computeGradient(boards));
        double[] plain = toDouble(engine(layout, params, Optimizer.sgd(0.1)).computeGradient(boards));
        double h = 1e-2;
        boolean differs = false;
        for (int i = 0; i < params.size(); i += Math.max(1, params.size() / 25)) {
            double up = dropped(spec, layout, shifted(params, i, h), dropout).forwardOnly(boards);
            double down = dropped(spec, layout, shifted(params, i, -h), dropout).forwardOnly(boards);
            double numeric = (up - down) / (2 * h);
            assertEquals(numeric, gradient[i], 2e-4 + 0.02 * Math.abs(numeric), "parameter " + i);
            differs |= Math.abs(gradient[i] - plain[i]) > 1e-6;
        }
        assertTrue(differs, "the mask changes the gradient");
    }

    @Test
    void dropoutChangesTrainingReproduciblyAndZeroDropoutChangesNothing() {
        ModelSpec spec = new ModelSpec(2, 2, 1, Activation.LEAKY_RELU);
        ParameterLayout layout = Fixtures.FIRNER.layout(spec);
        ParameterVector params = Fixtures.initial(Fixtures.FIRNER, spec, 4);
        ParameterVector plain = train(spec, layout, params, Dropout.NONE, FusedLayer.FLUSH_BELOW, 10);
        assertEquals(plain, train(spec, layout, params, new Dropout(0, 5), FusedLayer.FLUSH_BELOW, 10));
        ParameterVector dropped = train(spec, layout, params, new Dropout(0.4, 5), FusedLayer.FLUSH_BELOW, 10);
        assertTrue(dropped.l1Distance(plain) > 1e-3, "dropout changes training");
        assertEquals(dropped, train(spec, layout, params, new Dropout(0.4, 5), FusedLayer.FLUSH_BELOW, 10),
                "the same seed, the same run");
        ParameterVector otherSeed = train(spec, layout, params, new Dropout(0.4, 6), FusedLayer.FLUSH_BELOW, 10);
        assertTrue(dropped.l1Distance(otherSeed) > 1e-3);
        // evaluation never drops: the trained network's own loss is the undropped engine's
        Boards boards = Fixtures.batch(2, SIZE, COUNT, 9);
        double evaluated = Fixtures.FIRNER.network(spec, dropped).loss(boards.input(), boards.target());
        assertEquals(evaluated, engine(layout, dropped, Optimizer.sgd(0.1)).forwardOnly(boards), 1e-6 * evaluated);
    }

    /** An engine with {@code dropout} whose first mask is drawn, as a training step draws it. */
    private static FusedEngine dropped(ModelSpec spec, ParameterLayout layout, ParameterVector params,
                                       Dropout dropout) {
        FusedEngine fused = new FusedEngine(layout, spec, params, Set.of(), Optimizer.sgd(0.1), COUNT, SIZE, SIZE,
                dropout, FusedLayer.FLUSH_BELOW);
        fused.drawDropout();
        return fused;
    }

    /** {@code steps} Adam steps of the fused engine for {@code spec} on the test batches. */
    private static ParameterVector train(ModelSpec spec, ParameterLayout layout, ParameterVector params,
                                         Dropout dropout, double flushBelow, int steps) {
        FusedEngine fused = new FusedEngine(layout, spec, params, Set.of(), Optimizer.adam(0.01), COUNT, SIZE, SIZE,
                dropout, flushBelow);
        for (int k = 0; k < steps; k++) {
            fused.step(Fixtures.batch(spec.steps(), SIZE, COUNT, k), false);
        }
        return fused.parameters();
    }

    /** Five steps of both engines on the same batches: the same losses and the same parameters. */
    private static void assertTrainsLikeDl4jsNetwork(ModelSpec spec, Model model, Optimizer optimizer) {
        ParameterLayout layout = model.layout(spec);
        ParameterVector params = Fixtures.initial(model, spec, 3);
        FusedEngine fused = new FusedEngine(layout, spec, params, Set.of(), optimizer, COUNT, SIZE, SIZE, Dropout.NONE,
                FusedLayer.FLUSH_BELOW);
        NetworkEngine network = new NetworkEngine(layout, params, Set.of(), optimizer, SIZE * SIZE,
                spec.inputShift());
        for (int k = 0; k < 5; k++) {
            Boards boards = Fixtures.batch(spec.steps(), SIZE, COUNT, k);
            assertEquals(network.step(boards, true), fused.step(boards, true), 1e-6, "loss of batch " + k);
        }
        assertClose(toDouble(network.parameters()), toDouble(fused.parameters()), 1e-4);
        assertTrue(fused.parameters().l1Distance(params) > 1e-3, "training moved the parameters");
    }

    private static FusedEngine engine(ParameterLayout layout, ParameterVector params, Optimizer optimizer) {
        return new FusedEngine(layout, params, Set.of(), optimizer, COUNT, SIZE, SIZE);
    }

    private static ParameterVector shifted(ParameterVector params, int index, double delta) {
        float[] values = params.toArray();
        values[index] += (float) delta;
        return ParameterVector.of(values);
    }

    private static double[] toDouble(INDArray array) {
        return array.castTo(DataType.DOUBLE).toDoubleVector();
    }

    private static double[] toDouble(ParameterVector vector) {
        float[] values = vector.toArray();
        double[] out = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = values[i];
        }
        return out;
    }

    private static void assertClose(double[] expected, double[] actual, double tolerance) {
        assertEquals(expected.length, actual.length);
        double scale = 0;
        for (double e : expected) {
            scale = Math.max(scale, Math.abs(e));
        }
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i], actual[i], tolerance * Math.max(scale, 1e-3), "element " + i);
        }
    }
}
