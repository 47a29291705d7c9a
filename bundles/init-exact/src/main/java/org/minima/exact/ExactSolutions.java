package org.minima.exact;

import java.util.Arrays;
import java.util.List;

import org.minima.api.Plugin;
import org.minima.api.data.Game;
import org.minima.api.data.Rule;
import org.minima.api.model.Activation;
import org.minima.api.model.ParameterLayout;
import org.minima.api.model.ParameterVector;
import org.minima.api.model.Solutions;
import org.osgi.service.component.annotations.Component;

/**
 * Writes constructions F, S, S8 and R into any layout of chained step blocks (a 3×3 convolution followed by 1×1
 * convolutions, the last layer a one-channel sigmoid head), as the firner and springer-kenyon forms build them. The
 * first {@code steps} blocks each compute one Game of Life step; later blocks pass the 0/1 board through.
 */
@Component(service = Solutions.class, property = Plugin.NAME + "=exact")
public final class ExactSolutions implements Solutions {

    @Override
    public String description() {
        return "Exact Game of Life solutions F, S, S8 and R for the firner and springer-kenyon forms";
    }

    @Override
    public List<String> constructions() {
        return Arrays.stream(Construction.values()).map(Construction::name).toList();
    }

    @Override
    public double defaultMargin(String construction) {
        return parse(construction).defaultMargin();
    }

    @Override
    public ParameterVector construct(String construction, Game game, ParameterLayout layout, int steps,
                                     double margin) {
        Construction k = parse(construction);
        requireConway(k, game);
        if (!(margin > 0) || Double.isInfinite(margin)) {
            throw new IllegalArgumentException("margin must be positive and finite, not " + margin);
        }
        if (steps < 1 || steps > layout.blocks()) {
            throw new IllegalArgumentException("steps " + steps + " is outside 1.." + layout.blocks()
                    + ", the layout's blocks");
        }
        StepBlocks.requireShape(layout);
        boolean leaky = StepBlocks.leaky(layout);
        int exact = k.exactSteps(leaky, game.neighbourhood());
        if (steps > exact) {
            throw new IllegalArgumentException("construction " + k + " stays right after rounding for at most " + exact
                    + " step(s) with " + (leaky ? Activation.LEAKY_RELU : Activation.RELU).label() + " in the "
                    + game.neighbourhood().label() + " neighbourhood, not " + steps + ": " + k.limit()
                    + "; R (width m >= 2) is exact at any depth with either activation");
        }
        Weights w = new Weights(layout.size());
        for (int b = 0; b < layout.blocks(); b++) {
            StepBlocks.write(w, layout, b, b < steps ? k : null, game, margin);
        }
        return w.vector();
    }

    private static Construction parse(String construction) {
        for (Construction k : Construction.values()) {
            if (k.name().equals(construction)) {
                return k;
            }
        }
        throw new IllegalArgumentException("unknown construction '" + construction + "'; allowed: "
                + Arrays.toString(Construction.values()));
    }

    private static void requireConway(Construction k, Game game) {
        if (!game.rule().equals(Rule.CONWAY)) {
            throw new IllegalArgumentException("construction " + k + " computes Conway's rule B3/S23 only: its "
                    + "thresholds on s = N + c/2 select exactly s in {2.5, 3, 3.5}, and no thresholds for rule "
                    + game.rule() + " are implemented");
        }
    }
}
