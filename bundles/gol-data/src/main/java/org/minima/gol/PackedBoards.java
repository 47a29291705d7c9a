package org.minima.gol;

import java.util.Objects;

import org.minima.api.data.BoardShape;
import org.minima.api.data.Boards;
import org.minima.api.data.Game;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Boards kept bit-packed for every step; floats and ND4J arrays are made only on request, so a trainer that reads
 * the input and the target pays for two conversions, not for n + 1.
 */
final class PackedBoards implements Boards {

    private final Layout layout;
    private final long[][] states;

    private PackedBoards(Layout layout, long[][] states) {
        this.layout = layout;
        this.states = states;
    }

    /** Runs {@code initial} (packed per {@code layout}; not copied, so the caller must drop it) for n steps. */
    static PackedBoards evolve(Game game, Layout layout, long[] initial, int steps) {
        Stepper stepper = Stepper.of(game, layout);
        long[][] states = new long[steps + 1][];
        states[0] = initial;
        for (int i = 1; i <= steps; i++) {
            states[i] = new long[initial.length];
            stepper.step(states[i - 1], states[i]);
        }
        return new PackedBoards(layout, states);
    }

    @Override
    public BoardShape shape() {
        return layout.shape();
    }

    @Override
    public int count() {
        return layout.count;
    }

    @Override
    public int steps() {
        return states.length - 1;
    }

    @Override
    public float[] cells(int step) {
        Objects.checkIndex(step, states.length);
        float[] out = new float[layout.count * layout.height * layout.width];
        layout.unpack(states[step], out);
        return out;
    }

    @Override
    public INDArray state(int step) {
        long[] shape = {layout.count, 1, layout.height, layout.width};
        return Nd4j.create(cells(step), shape, 'c');
    }
}
