package org.minima.exact;

import org.minima.api.model.LayerParams;

/** What channel 0 of a layer's output holds, per cell, once a construction has written the layer. */
enum State {

    /** The board: 1 where the cell is alive, 0 where dead. Head: 2·margin·x − margin. */
    BOARD(1, 0, 2, -1),

    /**
     * Construction F's indicator after its first 1×1: 0 where the cell is alive next, at least 1 where dead. Back to
     * the board by ReLU(1 − 2u); head margin·(1 − 2u), REFERENCE's −20, +10 at margin 10.
     */
    INVERTED(-2, 1, -2, 1);

    private final double boardWeight;
    private final double boardBias;
    private final double headWeight;
    private final double headBias;

    State(double boardWeight, double boardBias, double headWeight, double headBias) {
        this.boardWeight = boardWeight;
        this.boardBias = boardBias;
        this.headWeight = headWeight;
        this.headBias = headBias;
    }

    /** Writes a 1×1 layer whose activated channel 0 is the board. */
    void toBoard(Weights w, LayerParams layer) {
        w.weight(layer, 0, 0, boardWeight);
        w.bias(layer, 0, boardBias);
    }

    /** Writes the head so that alive cells get logit +margin and dead ones at most −margin. */
    void toLogit(Weights w, LayerParams head, double margin) {
        w.weight(head, 0, 0, headWeight * margin);
        w.bias(head, 0, headBias * margin);
    }
}
