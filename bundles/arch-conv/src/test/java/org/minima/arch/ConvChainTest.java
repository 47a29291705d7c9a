package org.minima.arch;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.minima.api.model.Activation;
import org.minima.api.model.LayerParams;
import org.minima.api.model.Model;
import org.minima.api.model.ModelSpec;
import org.minima.api.model.ParameterLayout;
import org.minima.api.model.ParameterVector;
import org.minima.arch.dl4j.ConvChain;
import org.minima.testkit.RandomParameters;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.learning.config.Sgd;
import org.nd4j.linalg.lossfunctions.impl.LossBinaryXENT;

class ConvChainTest {

    private static final ModelSpec SPEC = new ModelSpec(2, 2, 1, Activation.RELU);

    @Test
    void layoutOffsetsAreDl4jParameterOrder() {
        for (Model model : List.of(new FirnerModel(), new SpringerKenyonModel())) {
            ParameterLayout layout = model.layout(SPEC);
            ParameterVector distinct = ramp(layout.size());
            for (ConvChain chain : List.of(ConvChain.of(layout), ConvChain.of(layout).withLoss(new LossBinaryXENT()),
                    ConvChain.of(layout).withDataType(DataType.DOUBLE))) {
                MultiLayerNetwork net = chain.network(distinct);
                assertEquals(distinct, ConvChain.parameters(net));
                Map<String, INDArray> table = net.paramTable();
                for (int k = 0; k < layout.layers().size(); k++) {
                    LayerParams l = layout.layers().get(k);
                    INDArray w = table.get(k + "_W");
                    INDArray b = table.get(k + "_b");
                    assertArrayEquals(new long[] {l.out(), l.in(), l.kernelHeight(), l.kernelWidth()}, w.shape());
                    for (int o = 0; o < l.out(); o++) {
                        assertEquals(distinct.get(l.biasIndex(o)), b.getDouble(o), 0, l.name() + " bias " + o);
                        for (int i = 0; i < l.in(); i++) {
                            for (int r = 0; r < l.kernelHeight(); r++) {
                                for (int c = 0; c < l.kernelWidth(); c++) {
                                    assertEquals(distinct.get(l.weightIndex(o, i, r, c)), w.getDouble(o, i, r, c),
                                            0, l.name() + " weight " + o + "," + i + "," + r + "," + c);
                                }
                            }
                        }
                    }
                }
            }
        }
    }

    @Test
    void setParametersReplacesEveryValue() {
        ParameterLayout layout = new SpringerKenyonModel().layout(SPEC);
        MultiLayerNetwork net = ConvChain.of(layout).network(ParameterVector.zeros(layout.size()));
        ConvChain.setParameters(net, ramp(layout.size()));
        assertEquals(ramp(layout.size()), ConvChain.parameters(net));
        assertThrows(IllegalArgumentException.class, () -> ConvChain.setParameters(net, ramp(3)));
    }

    @Test
    void rejectsLayoutsNotInDl4jOrderOrNotChained() {
        LayerParams weightsFirst = new LayerParams(0, 0, "w", 2, 1, 3, 3, Activation.RELU, 0, 18);
        ParameterLayout wrongOrder = new ParameterLayout(List.of(weightsFirst), 20);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ConvChain.of(wrongOrder));
        assertTrue(e.getMessage().contains("DL4J's parameter order"), e.getMessage());

        LayerParams first = new LayerParams(0, 0, "a", 2, 1, 3, 3, Activation.RELU, 2, 0);
        LayerParams broken = new LayerParams(0, 1, "b", 1, 3, 1, 1, Activation.SIGMOID, 21, 20);
        assertThrows(IllegalArgumentException.class,
                () -> ConvChain.of(new ParameterLayout(List.of(first, broken), 24)));
    }

    @Test
    void requireMatchesRejectsAnotherLayoutsNetwork() {
        ParameterLayout firner = new FirnerModel().layout(SPEC);
        ParameterLayout sk = new SpringerKenyonModel().layout(SPEC);
        MultiLayerNetwork net = ConvChain.of(firner).network(ParameterVector.zeros(firner.size()));
        ConvChain.requireMatches(firner, net);
        assertThrows(IllegalArgumentException.class, () -> ConvChain.requireMatches(sk, net));
    }

    @Test
    void chainWithLossLayerTrainsWithDl4jFit() {
        ModelSpec spec = new ModelSpec(1, 2, 1, Activation.LEAKY_RELU);
        ParameterLayout layout = new FirnerModel().layout(spec);
        ConvChain chain = ConvChain.of(layout).withLoss(new LossBinaryXENT()).withUpdater(new Sgd(0.002));
        MultiLayerNetwork net = chain.network(RandomParameters.gaussian(layout, 0.3, 3));
        TestBoards boards = TestBoards.random(32, 6, 0.5, 11);
        DataSet data = new DataSet(boards.array(), boards.array());
        double before = net.score(data);
        for (int i = 0; i < 20; i++) {
            net.fit(data);
        }
        assertEquals(layout.layers().size() + 1, net.getnLayers());
        assertTrue(net.score(data) < before, "score " + before + " -> " + net.score(data));
    }

    static ParameterVector ramp(int size) {
        float[] v = new float[size];
        for (int i = 0; i < size; i++) {
            v[i] = i + 1;
        }
        return ParameterVector.of(v);
    }
}
