package org.minima.diagnosis;

import java.util.Collections;
import java.util.Locale;

import org.minima.api.data.Rule;

/**
 * What the rule does to one cell in one step: a dead cell is born or stays dead; a live cell survives, or dies of
 * under-population (fewer live neighbours than any count it survives with) or over-population (any other count).
 */
enum GolCase {
    BIRTH, STAYS_DEAD, SURVIVAL, UNDER_POPULATION, OVER_POPULATION;

    /** The case of a cell that is {@code alive} with {@code liveNeighbours} live neighbours under {@code rule}. */
    static GolCase of(Rule rule, boolean alive, int liveNeighbours) {
        boolean next = rule.next(alive, liveNeighbours);
        if (!alive) {
            return next ? BIRTH : STAYS_DEAD;
        }
        if (next) {
            return SURVIVAL;
        }
        boolean under = rule.survival().isEmpty() || liveNeighbours < Collections.min(rule.survival());
        return under ? UNDER_POPULATION : OVER_POPULATION;
    }

    /** The name in tables: {@code birth}, {@code stays-dead}, ... */
    String label() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** Whether the cell is alive after the step. */
    boolean alive() {
        return this == BIRTH || this == SURVIVAL;
    }
}
