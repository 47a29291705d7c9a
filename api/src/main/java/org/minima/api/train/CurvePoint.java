package org.minima.api.train;

/**
 * One point of a training curve.
 *
 * @param batch the number of batches trained when the point was taken (the point is that batch's)
 * @param loss  the training loss of that batch before its update: binary cross-entropy averaged over its cells,
 *              computed to full precision from the logits
 */
public record CurvePoint(int batch, double loss) {
}
