package org.minima.arch;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.minima.api.model.Activation;
import org.minima.api.model.Model;
import org.minima.api.model.ModelSpec;
import org.minima.api.model.Network;
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
                INDArray fast = Transforms.sigmoid(new ForwardPass(layout, parameters).logits(boards), false);
                assertArrayEquals(expected.shape(), fast.shape());
                assertEquals(0, Transforms.abs(expected.sub(fast)).maxNumber().doubleValue(), 1e-6,
                        model.description() + " " + activation);
            }
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
    void theGradientMatchesCentralFiniteDifferencesOfTheLoss() {
        INDArray boards = TestBoards.random(4, 5, 0.5, 8).array();
        INDArray targets = TestBoards.random(4, 5, 0.5, 9).array();
        for (Model model : List.of(new FirnerModel(), new SpringerKenyonModel())) {
            for (Activation activation : List.of(Activation.RELU, Activation.LEAKY_RELU)) {
                ModelSpec spec = new ModelSpec(2, 2, 1, activation);
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
                            model.description() + " " + activation + " parameter " + i);
                }
            }
        }
    }
}
