package org.minima.walk;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.minima.api.data.BoardStream;
import org.minima.api.data.Boards;
import org.minima.api.data.DataSpec;
import org.minima.api.model.Network;
import org.minima.api.train.TrainedModel;

class EvaluationSetTest {

    @Test
    void lossIsTheMeanOverEveryCellOfEveryChunk() {
        TrainedModel model = Fixtures.firner(1);
        DataSpec data = model.data();
        Network network = Fixtures.FIRNER.network(model.modelSpec(), model.parameters());
        int boards = EvaluationSet.CHUNK + 500;
        EvaluationSet set = EvaluationSet.draw(Fixtures.DATA, data, 7, boards);

        Boards first = Fixtures.DATA.sample(data, BoardStream.probe(7), 0, EvaluationSet.CHUNK);
        Boards second = Fixtures.DATA.sample(data, BoardStream.probe(7), 1, 500);
        double expected = (network.loss(first.input(), first.target()) * EvaluationSet.CHUNK
                + network.loss(second.input(), second.target()) * 500) / boards;
        assertEquals(boards, set.boards());
        assertEquals(expected, set.measure(network).loss(), 1e-12 * expected);
    }

    @Test
    void torchLossIsPytorchsBceOnTheNetworksProbabilities() {
        TrainedModel model = Fixtures.firner(2);
        Network network = Fixtures.FIRNER.network(model.modelSpec(), model.parameters());
        Boards boards = Fixtures.DATA.sample(model.data(), BoardStream.probe(0), 0, 40);
        float[] p = network.output(boards.input()).dup('c').data().asFloat();
        float[] y = boards.target().dup('c').data().asFloat();
        double expected = 0;
        for (int c = 0; c < p.length; c++) {
            expected -= y[c] * Math.max(Math.log(p[c]), -100) + (1 - y[c]) * Math.max(Math.log1p(-(double) p[c]), -100);
        }
        expected /= p.length;
        EvaluationSet.Measures measures = EvaluationSet.draw(Fixtures.DATA, model.data(), 0, 40).measure(network);
        assertEquals(expected, measures.lossTorch(), 1e-12 * expected);
    }

    @Test
    void fewerBoardsThanAChunkAreTheFirstBoardsOfTheFirstBatch() {
        TrainedModel model = Fixtures.firner(2);
        Network network = Fixtures.FIRNER.network(model.modelSpec(), model.parameters());
        Boards boards = Fixtures.DATA.sample(model.data(), BoardStream.probe(0), 0, 40);
        double expected = network.loss(boards.input(), boards.target());
        assertEquals(expected, EvaluationSet.draw(Fixtures.DATA, model.data(), 0, 40).measure(network).loss(),
                1e-12 * expected);
    }
}
