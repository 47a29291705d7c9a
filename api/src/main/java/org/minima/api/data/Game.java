package org.minima.api.data;

import java.util.Objects;

/**
 * A Game of Life variant: the rule, which cells are neighbours, and what lies beyond the edge.
 *
 * @param rule          birth/survival rule; every count it names must be reachable in the neighbourhood
 * @param neighbourhood Moore (8) or von Neumann (4)
 * @param boundary      dead (zero padding) or toroidal
 */
public record Game(Rule rule, Neighbourhood neighbourhood, Boundary boundary) {

    public Game {
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(neighbourhood, "neighbourhood");
        Objects.requireNonNull(boundary, "boundary");
        if (rule.maxCount() > neighbourhood.size()) {
            throw new IllegalArgumentException("rule " + rule + " names " + rule.maxCount()
                    + " neighbours but the " + neighbourhood.label() + " neighbourhood has only "
                    + neighbourhood.size());
        }
    }

    /** Conway's rule B3/S23 in the given neighbourhood, dead boundary. */
    public static Game conway(Neighbourhood neighbourhood) {
        return new Game(Rule.CONWAY, neighbourhood, Boundary.DEAD);
    }

    /** A short label for tables and file names, for example {@code B3/S23 moore dead}. */
    public String label() {
        return rule + " " + neighbourhood.label() + " " + boundary.label();
    }
}
