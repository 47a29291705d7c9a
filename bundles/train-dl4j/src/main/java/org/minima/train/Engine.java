package org.minima.train;

import org.minima.api.data.Boards;
import org.minima.api.model.ParameterVector;

/** One way of computing a training step. Not thread-safe: one engine per model, one model per thread. */
interface Engine {

    /**
     * One update on {@code batch}. When {@code measureLoss}, returns the batch's mean per-cell loss before the
     * update, computed exactly ({@link ExactLoss}); otherwise NaN, at no cost.
     */
    double step(Boards batch, boolean measureLoss);

    /** The current parameters in the layout's order. */
    ParameterVector parameters();
}
