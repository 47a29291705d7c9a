package org.minima.exact;

import org.minima.api.data.Game;
import org.minima.api.data.Neighbourhood;
import org.minima.api.model.Model;
import org.minima.api.model.ModelSpec;
import org.minima.api.model.Network;
import org.minima.api.model.ParameterVector;
import org.minima.testkit.Life;

/** Runs constructions through the real DL4J networks of arch-conv and compares them with {@link Life}. */
final class Check {

    static final ExactSolutions SOLUTIONS = new ExactSolutions();

    private Check() {
    }

    /** The construction for {@code spec} with every block a step, at the construction's default margin. */
    static ParameterVector construct(String construction, Neighbourhood neighbourhood, Model model, ModelSpec spec) {
        return construct(construction, Game.conway(neighbourhood), model, spec);
    }

    static ParameterVector construct(String construction, Game game, Model model, ModelSpec spec) {
        return SOLUTIONS.construct(construction, game, model.layout(spec), spec.steps(),
                SOLUTIONS.defaultMargin(construction));
    }

    /**
     * How many boards the network gets wrong after Firner's clamping and rounding, against {@code steps} steps of
     * the naive stepper.
     */
    static int wrongBoards(Model model, ModelSpec spec, ParameterVector parameters, int[][][] boards,
                           Neighbourhood neighbourhood, int steps) {
        return wrongBoards(model, spec, parameters, boards, Game.conway(neighbourhood), steps);
    }

    /** The same for any game: the truth is {@code game}'s, whatever the network's padding. */
    static int wrongBoards(Model model, ModelSpec spec, ParameterVector parameters, int[][][] boards, Game game,
                           int steps) {
        Network net = model.network(spec, parameters);
        float[] out = net.output(Life.array(boards)).dup('c').data().asFloat();
        int[][][] truth = Life.run(game, boards, steps);
        int wrong = 0;
        int k = 0;
        for (int[][] board : truth) {
            boolean right = true;
            for (int[] row : board) {
                for (int cell : row) {
                    right &= Math.round(Math.min(1, Math.max(0, out[k++]))) == cell;
                }
            }
            wrong += right ? 0 : 1;
        }
        return wrong;
    }
}
