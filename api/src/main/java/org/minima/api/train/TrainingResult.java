package org.minima.api.train;

import java.util.List;

import org.minima.api.model.ParameterVector;

/**
 * What training one model produced.
 *
 * @param parameters the trained parameters
 * @param curve      the training curve, in batch order
 * @param samples    boards trained on
 * @param seconds    wall-clock training time
 */
public record TrainingResult(ParameterVector parameters, List<CurvePoint> curve, long samples, double seconds) {

    public TrainingResult {
        curve = List.copyOf(curve);
    }
}
