package org.minima.exact;

import java.util.ArrayList;
import java.util.List;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.minima.api.model.LayerParams;
import org.minima.api.model.ParameterLayout;
import org.minima.api.model.ParameterVector;
import org.minima.arch.dl4j.ConvChain;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.nd4j.linalg.lossfunctions.impl.LossBinaryXENT;

/** Looks inside a float32 DL4J network of a layout: the head's logits and channel 0 after every block. */
final class Probe {

    private final ParameterLayout layout;
    private final MultiLayerNetwork net;

    Probe(ParameterLayout layout, ParameterVector parameters) {
        this.layout = layout;
        this.net = ConvChain.of(layout).withLoss(new LossBinaryXENT()).network(parameters);
    }

    /** Channel 0 of each block's last hidden layer, [B, H, W] per block: the board after that block's step. */
    List<INDArray> blockOutputs(INDArray boards) {
        List<INDArray> activations = net.feedForward(boards, false);
        List<INDArray> outputs = new ArrayList<>();
        List<LayerParams> layers = layout.layers();
        for (int b = 0; b < layout.blocks(); b++) {
            int last = -1;
            for (int i = 0; i < layers.size() - 1; i++) {
                if (layers.get(i).block() == b) {
                    last = i;
                }
            }
            outputs.add(activations.get(last + 1).get(NDArrayIndex.all(), NDArrayIndex.point(0), NDArrayIndex.all(),
                    NDArrayIndex.all()));
        }
        return outputs;
    }

    /** The head's pre-sigmoid values, [B, 1, H, W]. */
    INDArray logits(INDArray boards) {
        int head = layout.layers().size() - 1;
        return net.feedForwardToLayer(head, boards, false).get(head + 1);
    }
}
