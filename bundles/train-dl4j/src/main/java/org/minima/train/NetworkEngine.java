package org.minima.train;

import java.util.Set;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.minima.api.data.Boards;
import org.minima.api.model.ParameterLayout;
import org.minima.api.model.ParameterVector;
import org.minima.api.train.Optimizer;
import org.minima.arch.dl4j.ConvChain;
import org.nd4j.linalg.api.ndarray.INDArray;
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
    private final int head;
    private final double inputShift;

    /** An engine whose network reads every cell plus {@code inputShift}. */
    NetworkEngine(ParameterLayout layout, ParameterVector initial, Set<Integer> frozenBlocks, Optimizer optimizer,
                  int cellsPerBoard, double inputShift) {
        this.inputShift = inputShift;
        if (!frozenBlocks.isEmpty()) {
            throw new IllegalArgumentException("the network engine cannot freeze blocks; use engine = fused");
        }
        LossBinaryXENT perCellMean = new LossBinaryXENT(Nd4j.createFromArray(1f / cellsPerBoard));
        ConvChain chain = ConvChain.of(layout).withLoss(perCellMean).withUpdater(Updaters.of(optimizer));
        this.network = chain.network(initial);
        this.head = chain.headIndex();
    }

    @Override
    public double step(Boards batch, boolean measureLoss) {
        INDArray input = inputShift == 0 ? batch.input() : batch.input().add(inputShift);
        double loss = measureLoss ? loss(input, batch.cells(batch.steps())) : Double.NaN;
        network.fit(new DataSet(input, batch.target()));
        return loss;
    }

    /** The exact loss from the head's logits (DL4J's own score clips probabilities, see arch-conv's README). */
    private double loss(INDArray input, float[] targets) {
        INDArray logits = network.feedForwardToLayer(head, input, false).get(head + 1);
        return ExactLoss.mean(logits.dup('c').data().asFloat(), targets);
    }

    @Override
    public ParameterVector parameters() {
        return ConvChain.parameters(network);
    }
}
