package org.minima.arch;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.minima.api.model.Activation;
import org.minima.api.model.Model;
import org.minima.api.model.ModelSpec;
import org.minima.api.model.Network;
import org.minima.api.model.Padding;
import org.minima.api.model.ParameterLayout;
import org.minima.api.model.ParameterVector;
import org.minima.arch.dl4j.ConvChain;
import org.minima.testkit.RandomParameters;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.nd4j.linalg.ops.transforms.Transforms;

/** The fast forward pass computes what DL4J's own convolution network does, on any board shape. */
class ForwardPassTest {

    @Test
    void outputsEqualDl4jsNetworkForBothFormsAndActivationsOnNonSquareBoards() {
        INDArray boards = TestBoards.random(3, 6, 0.5, 4).array()
                .get(NDArrayIndex.all(), NDArrayIndex.all(), NDArrayIndex.all(), NDArrayIndex.interval(0, 5)).dup();
        for (Model model : List.of(new FirnerModel(), new SpringerKenyonModel())) {
            for (Activation activation : List.of(Activation.RELU, Activation.LEAKY_RELU)) {
                ModelSpec spec = new ModelSpec(3, 3, 1, activation);
                ParameterLayout layout = model.layout(spec);
                ParameterVector parameters = RandomParameters.gaussian(layout, 0.6, 2);
                MultiLayerNetwork dl4j = ConvChain.of(layout).network(parameters);
                INDArray expected = dl4j.output(boards, false);
                INDArray fast = model.network(spec, parameters).output(boards);
                assertArrayEquals(expected.shape(), fast.shape());
                assertEquals(0, Transforms.abs(expected.sub(fast)).maxNumber().doubleValue(), 1e-6,
                        model.description() + " " + activation);
            }
        }
    }

    @Test
    void logitsOverManyTilesOfBoardsEqualForwardPasssUnderEitherPaddingAndAShift() {
        INDArray boards = TestBoards.random(300, 10, 0.5, 7).array();
        Model model = new FirnerModel();
        for (Padding padding : Padding.values()) {
            for (double shift : new double[] {0, -0.5}) {
                ModelSpec spec = new ModelSpec(3, 2, 1, Activation.LEAKY_RELU, padding).withInputShift(shift);
                Network network = model.network(spec, RandomParameters.gaussian(model.layout(spec), 0.6, 11));
                List<INDArray> layers = network.preActivations(boards);
                INDArray expected = Transforms.sigmoid(layers.get(layers.size() - 1), true);
                INDArray output = network.output(boards);
                assertArrayEquals(boards.shape(), output.shape());
                assertEquals(0, Transforms.abs(expected.sub(output)).maxNumber().doubleValue(), 1e-6,
                        padding + " shift " + shift);
            }
        }
    }

    /**
     * Binary boards take the first block from its table of 512 patterns; the same boards beside one that is not
     * binary are computed cell by cell: the logits must be the same bits.
     */
    @Test
    void theFirstBlocksPatternTableGivesBitForBitTheCellByCellLogits() {
        Model model = new FirnerModel();
        int boards = 130;
        float[] binary = TestBoards.random(boards, 10, 0.5, 5).array().dup('c').data().asFloat();
        float[] withOneHalf = Arrays.copyOf(binary, binary.length + 100);
        withOneHalf[binary.length + 42] = 0.5f;
        for (Padding padding : Padding.values()) {
            ModelSpec spec = new ModelSpec(2, 3, 1, Activation.LEAKY_RELU, padding);
            ParameterLayout layout = model.layout(spec);
            TiledLogits tiled = new TiledLogits(layout, spec, RandomParameters.gaussian(layout, 0.6, 4));
            float[] lookedUp = tiled.logits(binary, boards, 10, 10);
            float[] cellByCell = Arrays.copyOf(tiled.logits(withOneHalf, boards + 1, 10, 10), binary.length);
            assertArrayEquals(cellByCell, lookedUp, padding.label());
        }
    }

    @Test
    void preActivationsAreWhatDl4jsLayersActivateLayerByLayer() {
        INDArray boards = TestBoards.random(2, 5, 0.5, 6).array();
        Model model = new SpringerKenyonModel();
        ModelSpec spec = new ModelSpec(2, 2, 1, Activation.LEAKY_RELU);
        ParameterLayout layout = model.layout(spec);
        ParameterVector parameters = RandomParameters.gaussian(layout, 0.6, 5);
        List<INDArray> layers = ConvChain.of(layout).network(parameters).feedForward(boards, false);
        List<INDArray> pre = model.network(spec, parameters).preActivations(boards);
        assertEquals(layout.layers().size(), pre.size());
        for (int i = 0; i < pre.size(); i++) {
            boolean head = i == pre.size() - 1;
            INDArray activated = head ? Transforms.sigmoid(pre.get(i), true)
                    : Transforms.leakyRelu(pre.get(i), Activation.LEAKY_SLOPE, true);
            INDArray expected = layers.get(i + 1);
            assertArrayEquals(expected.shape(), activated.shape(), layout.layers().get(i).name());
            assertEquals(0, Transforms.abs(expected.sub(activated)).maxNumber().doubleValue(), 1e-5,
                    layout.layers().get(i).name());
        }
    }

    @Test
    void aShiftedInputIsWhatDl4jsNetworkComputesOnTheShiftedBoards() {
        INDArray boards = TestBoards.random(3, 6, 0.5, 4).array();
        for (Model model : List.of(new FirnerModel(), new SpringerKenyonModel())) {
            ModelSpec spec = new ModelSpec(2, 2, 1, Activation.LEAKY_RELU).withInputShift(-0.5);
            ParameterLayout layout = model.layout(spec);
            ParameterVector parameters = RandomParameters.gaussian(layout, 0.6, 2);
            INDArray expected = ConvChain.of(layout).network(parameters).output(boards.sub(0.5), false);
            INDArray shifted = model.network(spec, parameters).output(boards);
            assertEquals(0, Transforms.abs(expected.sub(shifted)).maxNumber().doubleValue(), 1e-6,
                    model.description());
            INDArray unshifted = model.network(spec.withInputShift(0), parameters).output(boards);
            assertTrue(Transforms.abs(unshifted.sub(shifted)).maxNumber().doubleValue() > 1e-3, "the shift matters");
        }
    }

    @Test
    void circularPaddingWrapsEveryConvolutionAroundTheBoardLikeTheNaiveTorus() {
        INDArray boards = TestBoards.random(3, 6, 0.5, 4).array()
                .get(NDArrayIndex.all(), NDArrayIndex.all(), NDArrayIndex.all(), NDArrayIndex.interval(0, 5)).dup();
        for (Model model : List.of(new FirnerModel(), new SpringerKenyonModel())) {
            for (Activation activation : List.of(Activation.RELU, Activation.LEAKY_RELU)) {
                ModelSpec spec = new ModelSpec(2, 3, 1, activation, Padding.CIRCULAR);
                ParameterLayout layout = model.layout(spec);
                ParameterVector parameters = RandomParameters.gaussian(layout, 0.6, 2);
                INDArray logits = model.network(spec, parameters).output(boards);
                String label = model.description() + " " + activation;
                double edgeDifference = 0;
                for (int b = 0; b < boards.size(0); b++) {
                    double[][] board = boards.get(NDArrayIndex.point(b), NDArrayIndex.point(0)).toDoubleMatrix();
                    double[][] wrapped = new NaiveNet(layout, parameters, Padding.CIRCULAR).logits(board);
                    double[][] zeroPadded = new NaiveNet(layout, parameters, Padding.ZERO).logits(board);
                    for (int r = 0; r < board.length; r++) {
                        for (int c = 0; c < board[0].length; c++) {
                            double probability = logits.getDouble(b, 0, r, c);
                            assertEquals(1 / (1 + Math.exp(-wrapped[r][c])), probability, 1e-5, label);
                            edgeDifference = Math.max(edgeDifference, Math.abs(wrapped[r][c] - zeroPadded[r][c]));
                        }
                    }
                }
                assertTrue(edgeDifference > 1e-3, label + ": the wrap must change the edge cells");
            }
        }
    }

    @Test
    void theGradientMatchesCentralFiniteDifferencesOfTheLossUnderEitherPadding() {
        for (Padding padding : Padding.values()) {
            assertGradientMatchesFiniteDifferences(padding);
        }
    }

    private static void assertGradientMatchesFiniteDifferences(Padding padding) {
        INDArray boards = TestBoards.random(4, 5, 0.5, 8).array();
        INDArray targets = TestBoards.random(4, 5, 0.5, 9).array();
        for (Model model : List.of(new FirnerModel(), new SpringerKenyonModel())) {
            for (Activation activation : List.of(Activation.RELU, Activation.LEAKY_RELU)) {
                ModelSpec spec = new ModelSpec(2, 2, 1, activation, padding);
                ParameterVector parameters = RandomParameters.gaussian(model.layout(spec), 0.5, 3);
                Network network = model.network(spec, parameters);
                ParameterVector gradient = network.gradient(boards, targets);
                float[] values = parameters.toArray();
                double epsilon = 1e-3;
                for (int i = 0; i < values.length; i++) {
                    float[] up = values.clone();
                    float[] down = values.clone();
                    up[i] += (float) epsilon;
                    down[i] -= (float) epsilon;
                    double step = (double) up[i] - down[i];
                    network.setParameters(ParameterVector.of(up));
                    double above = network.loss(boards, targets);
                    network.setParameters(ParameterVector.of(down));
                    double below = network.loss(boards, targets);
                    double difference = (above - below) / step;
                    assertEquals(difference, gradient.get(i), 2e-4 + 2e-2 * Math.abs(difference),
                            model.description() + " " + activation + " " + padding + " parameter " + i);
                }
            }
        }
    }
}
