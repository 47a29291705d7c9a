package org.minima.testkit;

import java.util.List;

import org.minima.api.data.BoardShape;
import org.minima.api.data.Density;
import org.minima.api.data.Game;
import org.minima.api.data.Neighbourhood;
import org.minima.api.model.Activation;
import org.minima.api.run.Experiment;
import org.minima.api.train.Optimizer;
import org.minima.api.train.TrainingSpec;

/** Small studies for tests. */
public final class Experiments {

    private Experiments() {
    }

    /**
     * Firner's protocol (REFERENCE.md section 5) at the given steps and widths: von Neumann B3/S23 with a dead edge,
     * p = 0.5, 10×10 training and 1000 5×5 test boards, ReLU, PyTorch's default initialisation, seeds 1..20, Adam
     * 1e-3 on 10,000 batches of 128.
     */
    public static Experiment firner(List<Integer> steps, List<Integer> widths) {
        return new Experiment("test", List.of(Game.conway(Neighbourhood.VON_NEUMANN)), List.of(Density.fixed(0.5)),
                new BoardShape(10, 10), new BoardShape(5, 5), 1000, 0, steps, widths, 1, Activation.RELU,
                List.of("pytorch-default"), List.of(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L, 11L, 12L, 13L, 14L, 15L,
                16L, 17L, 18L, 19L, 20L), new TrainingSpec(Optimizer.adam(1e-3), 10_000, 128, 100));
    }
}
