package org.minima.train;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;

import org.minima.api.data.BoardStream;
import org.minima.api.data.Boards;
import org.minima.api.train.CurvePoint;
import org.minima.api.train.TrainingJob;
import org.minima.api.train.TrainingMonitor;
import org.minima.api.train.TrainingResult;
import org.minima.api.train.TrainingSpec;

/**
 * Runs a job's protocol on an engine: batch k is {@code dataset.sample(data, BoardStream.training(seed), k,
 * batchSize)}, fresh boards every time; the curve records the loss of every {@code curveEvery}-th batch and of the
 * last one.
 */
final class TrainingLoop {

    /** Batches between progress reports: often enough for a live rate, rarely enough to cost nothing. */
    static final int REPORT_EVERY = 10;

    private TrainingLoop() {
    }

    static TrainingResult run(TrainingJob job, Engine engine, TrainingMonitor monitor) {
        TrainingSpec spec = job.training();
        List<CurvePoint> curve = new ArrayList<>();
        long start = System.nanoTime();
        int unreported = 0;
        BoardStream stream = BoardStream.training(job.seed());
        for (int k = 0; k < spec.batches(); k++) {
            if (monitor.cancelled()) {
                throw new CancellationException("training of " + job.id() + " stopped at batch " + k);
            }
            Boards batch = job.dataset().sample(job.data(), stream, k, spec.batchSize());
            boolean curvePoint = (k + 1) % spec.curveEvery() == 0 || k == spec.batches() - 1;
            double loss = engine.step(batch, curvePoint);
            if (curvePoint) {
                curve.add(new CurvePoint(k + 1, loss));
            }
            if (++unreported == REPORT_EVERY) {
                monitor.batchesDone(unreported);
                unreported = 0;
            }
        }
        monitor.batchesDone(unreported);
        double seconds = (System.nanoTime() - start) / 1e9;
        return new TrainingResult(engine.parameters(), curve, (long) spec.batches() * spec.batchSize(), seconds);
    }
}
