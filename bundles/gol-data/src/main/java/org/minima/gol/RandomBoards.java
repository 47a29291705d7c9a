package org.minima.gol;

import org.minima.api.data.Density;

/**
 * Draws the initial boards of a batch. Boards are drawn one after another, each as its own row-major bit string,
 * so board i depends only on the stream and the boards before it: a larger count or another game, boundary or
 * number of steps leaves the first boards unchanged.
 */
final class RandomBoards {

    private RandomBoards() {
    }

    static long[] draw(Layout layout, Density density, SplitMix rng) {
        long[] state = new long[layout.wordsPerState()];
        long[] bits = new long[layout.wordsPerBoard()];
        Bernoulli fixed = density.isFixed() ? new Bernoulli(density.min()) : null;
        for (int board = 0; board < layout.count; board++) {
            Bernoulli cells = fixed != null ? fixed : new Bernoulli(perBoard(density, rng));
            for (int i = 0; i < bits.length; i++) {
                bits[i] = cells.draw(rng);
            }
            layout.place(state, board, bits);
        }
        return state;
    }

    private static double perBoard(Density density, SplitMix rng) {
        return density.min() + (density.max() - density.min()) * rng.nextDouble();
    }
}
