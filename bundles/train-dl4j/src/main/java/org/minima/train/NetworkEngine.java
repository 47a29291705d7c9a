package org.minima.train;

import java.util.Set;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.minima.api.data.Boards;
import org.minima.api.model.ParameterLayout;
import org.minima.api.model.ParameterVector;
import org.minima.api.train.Optimizer;
import org.minima.arch.dl4j.ConvChain;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.lossfunctions.impl.LossBinaryXENT;

/**
 * The same training as a plain DL4J {@link MultiLayerNetwork} of ConvolutionLayers ending in a CnnLossLayer: the
 * reference the fused engine is checked and benchmarked against.
 *
 * <p>DL4J scores a CnnLossLayer per board, summing over its cells; the loss is weighted by 1/cells so its value and
 * gradients are the per-cell mean of the protocol.
 */
final class NetworkEngine implements Engine {

    private final MultiLayerNetwork network;

    NetworkEngine(ParameterLayout layout, ParameterVector initial, Set<Integer> frozenBlocks, Optimizer optimizer,
                  int cellsPerBoard) {
        if (!frozenBlocks.isEmpty()) {
            throw new IllegalArgumentException("the network engine cannot freeze blocks; use engine = fused");
        }
        LossBinaryXENT perCellMean = new LossBinaryXENT(Nd4j.createFromArray(1f / cellsPerBoard));
        this.network = ConvChain.of(layout).withLoss(perCellMean).withUpdater(Updaters.of(optimizer))
                .network(initial);
    }

    @Override
    public double step(Boards batch) {
        network.fit(new DataSet(batch.input(), batch.target()));
        return network.score();
    }

    @Override
    public ParameterVector parameters() {
        return ConvChain.parameters(network);
    }

    MultiLayerNetwork network() {
        return network;
    }
}
