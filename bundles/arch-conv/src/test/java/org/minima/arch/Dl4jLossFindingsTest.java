package org.minima.arch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.minima.api.model.Activation;
import org.minima.api.model.ModelSpec;
import org.minima.api.model.ParameterLayout;
import org.minima.api.model.ParameterVector;
import org.minima.arch.dl4j.ConvChain;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.lossfunctions.impl.LossBinaryXENT;

/**
 * Pins what DL4J's {@code CnnLossLayer} with {@code LossBinaryXENT} computes, as the README states it: networks whose
 * every logit is the head bias z, on B = 4 boards of 6×6 with every target alive, so the exact per-cell loss is
 * log(1 + e^−z) and its gradient with respect to the head bias is σ(z) − 1 per cell.
 */
class Dl4jLossFindingsTest {

    private static final int BOARDS = 4;
    private static final int CELLS = 36;

    @Test
    void scoreIsThePerBoardSumAveragedOverBoards() {
        Probe p = probe(0.3);
        assertEquals(CELLS * exactLoss(0.3), p.score, 1e-5 * p.score);
    }

    @Test
    void gradientIsTheSumOverEveryCellBeforeTheUpdaterDividesByBoards() {
        Probe p = probe(0.3);
        assertEquals(BOARDS * CELLS * (sigmoid(0.3) - 1), p.biasGradient, 1e-4 * Math.abs(p.biasGradient));
    }

    @Test
    void probabilitiesAreClippedToOneMinus1e5() {
        for (double z : new double[] {12, 15, 20}) {
            Probe p = probe(z);
            assertEquals(1e-5, p.score / CELLS, 0.02e-5, "floor at logit " + z);
        }
        assertTrue(probe(15).score / CELLS > 30 * exactLoss(15));
        for (double z : new double[] {-12, -15, -20}) {
            assertEquals(-Math.log(1e-5), probe(z).score / CELLS, 1e-3, "ceiling at logit " + z);
        }
    }

    @Test
    void gradientVanishesOnConfidentlyWrongCells() {
        double exact = BOARDS * CELLS * (sigmoid(-15) - 1);
        double dl4j = probe(-15).biasGradient;
        assertTrue(Math.abs(dl4j) < Math.abs(exact) / 20, "DL4J " + dl4j + " vs exact " + exact);
        double moderate = BOARDS * CELLS * (sigmoid(-5) - 1);
        assertEquals(moderate, probe(-5).biasGradient, 1e-4 * Math.abs(moderate));
    }

    @Test
    void weightOneOverCellsMakesScoreAndGradientPerCellMeans() {
        LossBinaryXENT perCell = new LossBinaryXENT(Nd4j.create(new float[] {1f / CELLS}));
        Probe p = probe(0.3, perCell);
        assertEquals(exactLoss(0.3), p.score, 1e-5 * p.score);
        assertEquals(BOARDS * (sigmoid(0.3) - 1), p.biasGradient, 1e-4 * Math.abs(p.biasGradient));
    }

    /** Without clipping, float32 sigmoid rounds to exactly 1 beyond z ≈ 17 and 0·log(0) poisons the score. */
    @Test
    void noClippingGivesNotANumberAtExactSolutionLogits() {
        assertTrue(Double.isNaN(probe(20, new LossBinaryXENT(0)).score));
    }

    private record Probe(double score, double biasGradient) {
    }

    private static Probe probe(double logit) {
        return probe(logit, new LossBinaryXENT());
    }

    private static Probe probe(double logit, LossBinaryXENT loss) {
        ParameterLayout layout = new FirnerModel().layout(new ModelSpec(1, 1, 1, Activation.RELU));
        float[] v = new float[layout.size()];
        v[layout.head().biasIndex(0)] = (float) logit;
        MultiLayerNetwork net = ConvChain.of(layout).withLoss(loss).network(ParameterVector.of(v));
        INDArray boards = TestBoards.random(BOARDS, 6, 0.5, 1).array();
        net.setInput(boards);
        net.setLabels(Nd4j.onesLike(boards));
        net.computeGradientAndScore();
        int head = layout.layers().size() - 1;
        return new Probe(net.score(), net.gradient().getGradientFor(head + "_b").getDouble(0));
    }

    private static double exactLoss(double z) {
        return Math.log1p(Math.exp(-z));
    }

    private static double sigmoid(double z) {
        return 1 / (1 + Math.exp(-z));
    }
}
