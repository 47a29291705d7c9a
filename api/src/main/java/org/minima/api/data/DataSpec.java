package org.minima.api.data;

import java.util.Objects;

/**
 * How boards are drawn and how far they are run: the question a network must answer is "given a board of this
 * shape and density, what does it look like after {@code steps} steps of {@code game}?".
 *
 * @param game    the variant
 * @param shape   board size
 * @param density initial live-cell probability
 * @param steps   number of steps n from input to target, at least 0
 */
public record DataSpec(Game game, BoardShape shape, Density density, int steps) {

    public DataSpec {
        Objects.requireNonNull(game, "game");
        Objects.requireNonNull(shape, "shape");
        Objects.requireNonNull(density, "density");
        if (steps < 0 || steps > 10_000) {
            throw new IllegalArgumentException("steps " + steps + " is out of range 0..10000");
        }
    }

    /** The same boards run for a different number of steps. */
    public DataSpec withSteps(int n) {
        return new DataSpec(game, shape, density, n);
    }

    /** The same variant and density on boards of another shape. */
    public DataSpec withShape(BoardShape other) {
        return new DataSpec(game, other, density, steps);
    }
}
