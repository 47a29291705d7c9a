package org.minima.api.train;

/**
 * One point of a training curve.
 *
 * @param batch the number of batches trained when the point was taken
 * @param loss  mean training loss (BCE per cell) over the batches since the previous point
 */
public record CurvePoint(int batch, double loss) {
}
