package org.minima.walk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.minima.api.InvalidOption;
import org.minima.api.Table;
import org.minima.api.model.ParameterVector;
import org.minima.api.train.TrainedModel;
import org.minima.testkit.Experiments;

/** The trained curve lowers the loss along the path, keeps its ends, and is the straight line untrained. */
class LowLossCurveTest {

    private static final LowLossCurve PROBE = new LowLossCurve();

    @TempDir
    Path folder;

    private Table curve(TrainedModel model, Map<String, String> extra) {
        Map<String, String> options = new HashMap<>(Map.of("points", "8", "boards", "100", "batch-size", "32"));
        options.putAll(extra);
        return PROBE.probe(model, Fixtures.context(folder, PROBE, Fixtures.FIRNER, Optional.of(Fixtures.EXACT),
                options).build());
    }

    @Test
    void untrainedTheCurveIsTheStraightLineToTheAlignedEnd() {
        Table rows = curve(Fixtures.firner(2), Map.of("steps", "0"));
        assertEquals(LowLossCurve.CURVE_COLUMNS, rows.columns());
        assertEquals(9, rows.rows().size());
        assertEquals(0, rows.number(0, "control_l1"));
        assertEquals(rows.number(0, "straight_barrier"), rows.number(0, "barrier"), 1e-6);
    }

    @Test
    void trainingTheControlPointLowersTheLossAlongTheCurveAndKeepsItsEnds() {
        TrainedModel model = Fixtures.firner(2);
        Table line = curve(model, Map.of("steps", "0"));
        Table trained = curve(model, Map.of("steps", "300", "learning-rate", "0.05"));
        assertTrue(trained.number(0, "control_l1") > 0, "the control point moved");
        assertEquals(line.number(0, "loss"), trained.number(0, "loss"), 1e-9, "same start");
        int last = trained.rows().size() - 1;
        assertEquals(line.number(last, "loss"), trained.number(last, "loss"), 1e-9, "same end");
        assertEquals(0, trained.number(last, "l1_to_exact"), 1e-9);
        assertTrue(meanLoss(trained) < 0.8 * meanLoss(line),
                "mean loss on the curve " + meanLoss(trained) + " vs the line " + meanLoss(line));
        assertEquals(trained.rows(), curve(model, Map.of("steps", "300", "learning-rate", "0.05")).rows(),
                "the same seeds give the same curve");
    }

    @Test
    void aCurveTrainedOnTheBoardsItIsMeasuredOnIsRefused() {
        InvalidOption e = assertThrows(InvalidOption.class, () -> PROBE.check(Fixtures.context(folder, PROBE,
                Fixtures.FIRNER, Optional.of(Fixtures.EXACT), Map.of("curve-seed", "0"))
                .experiment(Experiments.firner(List.of(1), List.of(2))).build()));
        assertEquals("curve-seed", e.key());
        assertTrue(e.getMessage().contains("low-loss-curve.seed"), e.getMessage());
    }

    @Test
    void theCurveAtItsEndsAndMiddle() {
        ParameterVector a = ParameterVector.of(new float[] {0, 2});
        ParameterVector b = ParameterVector.of(new float[] {4, 2});
        Bezier bent = new Bezier(a, ParameterVector.of(new float[] {2, 4}), b);
        assertEquals(a, bent.at(0));
        assertEquals(b, bent.at(1));
        assertEquals(ParameterVector.of(new float[] {2, 3}), bent.at(0.5), "¼a + ½c + ¼b");
        assertEquals(ParameterVector.of(new float[] {1, 2}), Bezier.straight(a, b).at(0.25));
    }

    private static double meanLoss(Table rows) {
        double sum = 0;
        for (int i = 0; i < rows.rows().size(); i++) {
            sum += rows.number(i, "loss");
        }
        return sum / rows.rows().size();
    }
}
