package org.minima.arch;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.minima.api.model.Activation;
import org.minima.api.model.Model;
import org.minima.api.model.ModelSpec;
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
}
