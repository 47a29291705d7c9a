package org.minima.api;

import java.util.Locale;

/**
 * The roles a profile binds to services, each under its own key. A {@link Plugin} names the roles it needs besides
 * its own in {@link Plugin#requires()}; the launcher refuses a profile that leaves one of them unbound.
 */
public enum Role {
    /** {@code dataset}: the board source. */
    DATASET("dataset"),
    /** {@code model}: the architecture. */
    MODEL("model"),
    /** {@code solutions}: known exact solutions. */
    SOLUTIONS("solutions"),
    /** {@code init}: how a model's parameters start (an axis of the grid). */
    INITIALIZER("init"),
    /** {@code trainer}: trains the models of the grid. */
    TRAINER("trainer"),
    /** {@code evaluator}: scores trained models. */
    EVALUATOR("evaluator"),
    /** {@code analyses}: run-level tables. */
    ANALYSIS("analyses"),
    /** {@code probes}: landscape probes on every trained model. */
    PROBE("probes"),
    /** {@code plots}: figures from tables. */
    PLOT("plots");

    private final String key;

    Role(String key) {
        this.key = key;
    }

    /** The profile key that binds this role, for example {@code solutions}. */
    public String key() {
        return key;
    }

    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
