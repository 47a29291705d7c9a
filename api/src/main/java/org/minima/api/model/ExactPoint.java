package org.minima.api.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.minima.api.data.Game;

/**
 * An exact solution written into one layout, with the construction and margin that made it: what walks end at and
 * what exact initializers start from. {@link #AUTO} chooses the same way everywhere.
 *
 * @param construction the construction used (never {@link #AUTO})
 * @param margin       the head's logit margin used
 * @param parameters   the exact parameters, laid out by the layout asked for
 */
public record ExactPoint(String construction, double margin, ParameterVector parameters) {

    /** The construction name that means: R where it fits (it stays exact under noise and at any depth), else F. */
    public static final String AUTO = "auto";

    private static final List<String> AUTO_ORDER = List.of("R", "F");

    public ExactPoint {
        Objects.requireNonNull(construction, "construction");
        Objects.requireNonNull(parameters, "parameters");
    }

    /**
     * The construction {@code wanted} ({@link #AUTO}: the first of R, F that fits) for the network {@code spec} of
     * {@code game}, laid out as {@code layout}, at {@code margin} (0 or less: the construction's default margin).
     *
     * @throws IllegalArgumentException with every construction tried and why it does not fit, or why no
     *                                  construction computes {@code game} in this network: its padding does not see
     *                                  the game's boundary, or its input is shifted (the constructions read cells of
     *                                  0 and 1, and zeros beyond the edge)
     */
    public static ExactPoint of(Solutions solutions, String wanted, double margin, Game game, ModelSpec spec,
                                ParameterLayout layout) {
        if (spec.padding() != Padding.of(game.boundary())) {
            throw new IllegalArgumentException("a network padded with " + spec.padding().label()
                    + " does not compute a game with a " + game.boundary().label() + " boundary");
        }
        if (spec.inputShift() != 0) {
            throw new IllegalArgumentException("no exact construction reads a shifted input (input shift "
                    + spec.inputShift() + "): each reads cells of 0 and 1 with dead cells beyond the edge");
        }
        List<String> candidates = wanted.equals(AUTO) ? AUTO_ORDER : List.of(wanted);
        List<String> reasons = new ArrayList<>();
        for (String construction : candidates) {
            double used = margin > 0 ? margin : solutions.defaultMargin(construction);
            try {
                return new ExactPoint(construction, used, solutions.construct(construction, game, layout,
                        spec.steps(), used));
            } catch (IllegalArgumentException e) {
                reasons.add(candidates.size() == 1 ? e.getMessage() : construction + ": " + e.getMessage());
            }
        }
        throw new IllegalArgumentException(String.join("; ", reasons));
    }
}
