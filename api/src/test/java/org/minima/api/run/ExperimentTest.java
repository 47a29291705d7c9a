package org.minima.api.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.minima.api.data.BoardShape;
import org.minima.api.data.Boundary;
import org.minima.api.data.Density;
import org.minima.api.data.Game;
import org.minima.api.data.Neighbourhood;
import org.minima.api.data.Rule;
import org.minima.api.model.Activation;
import org.minima.api.model.ModelSpec;
import org.minima.api.model.Padding;
import org.minima.api.train.Optimizer;
import org.minima.api.train.TrainingSpec;

/** A network pads as its game's boundary needs; a grid of both boundaries never hands out a padding silently. */
class ExperimentTest {

    private static final Game DEAD = new Game(Rule.CONWAY, Neighbourhood.MOORE, Boundary.DEAD);
    private static final Game TORUS = new Game(Rule.CONWAY, Neighbourhood.MOORE, Boundary.TOROIDAL);

    @Test
    void eachGamesNetworkPadsAsItsBoundaryNeeds() {
        Experiment both = experiment(List.of(DEAD, TORUS));
        assertEquals(Padding.ZERO, both.modelSpec(DEAD, 2, 3).padding());
        assertEquals(Padding.CIRCULAR, both.modelSpec(TORUS, 2, 3).padding());
        assertEquals(List.of(Padding.CIRCULAR, Padding.CIRCULAR), both.modelSpecs(TORUS).stream()
                .map(ModelSpec::padding).toList());
        assertEquals(4, both.modelSpecs().size(), "two paddings of two step counts");
        IllegalStateException mixed = assertThrows(IllegalStateException.class, () -> both.modelSpec(2, 3));
        assertTrue(mixed.getMessage().contains("[ZERO, CIRCULAR]"), mixed.getMessage());
        assertEquals(Padding.CIRCULAR, experiment(List.of(TORUS)).modelSpec(2, 3).padding());
        assertEquals(new ModelSpec(2, 3, 1, Activation.RELU), experiment(List.of(DEAD)).modelSpec(2, 3));
    }

    private static Experiment experiment(List<Game> games) {
        return new Experiment("test", games, List.of(Density.fixed(0.5)), new BoardShape(6, 6), new BoardShape(5, 5),
                10, 0, List.of(1, 2), List.of(3), 1, Activation.RELU, List.of("pytorch-default"), List.of(1L),
                new TrainingSpec(Optimizer.adam(0.01), 10, 8, 5));
    }
}
