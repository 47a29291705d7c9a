package org.minima.train;

import org.minima.api.data.Boards;
import org.minima.api.model.ParameterVector;

/** One way of computing a training step. Not thread-safe: one engine per model, one model per thread. */
interface Engine {

    /** One update on {@code batch}; returns the batch's mean per-cell loss before the update. */
    double step(Boards batch);

    /** The current parameters in the layout's order. */
    ParameterVector parameters();
}
