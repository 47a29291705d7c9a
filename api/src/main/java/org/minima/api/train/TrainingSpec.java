package org.minima.api.train;

import java.util.Objects;

/**
 * The training protocol shared by every model of a run.
 *
 * @param optimizer  update rule
 * @param batches    number of updates, each on fresh boards, at least 1
 * @param batchSize  boards per batch, at least 1
 * @param curveEvery the training curve records the loss of every curveEvery-th batch, and of the last
 */
public record TrainingSpec(Optimizer optimizer, int batches, int batchSize, int curveEvery) {

    public TrainingSpec {
        Objects.requireNonNull(optimizer, "optimizer");
        if (batches < 1) {
            throw new IllegalArgumentException("batches " + batches + " must be at least 1");
        }
        if (batchSize < 1 || batchSize > 1 << 20) {
            throw new IllegalArgumentException("batch size " + batchSize + " is out of range 1..1048576");
        }
        if (curveEvery < 1) {
            throw new IllegalArgumentException("curve interval " + curveEvery + " must be at least 1");
        }
    }
}
