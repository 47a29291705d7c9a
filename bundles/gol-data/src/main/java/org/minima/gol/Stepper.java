package org.minima.gol;

import org.minima.api.data.Game;

/** One step of a game over every board of a packed state. */
interface Stepper {

    /** Writes the successor of {@code src} into every word of {@code dst}. */
    void step(long[] src, long[] dst);

    static Stepper of(Game game, Layout layout) {
        return layout.wordsPerRow == 1 ? new LaneStepper(game, layout) : new WideStepper(game, layout);
    }
}
