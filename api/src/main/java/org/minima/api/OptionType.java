package org.minima.api;

/** The value types a profile option can take; the launcher parses and range-checks them. */
public enum OptionType {
    /** A 32-bit integer, for example {@code 128}. */
    INT,
    /** A 64-bit integer, for example a seed. */
    LONG,
    /** A decimal number, for example {@code 1e-3}. */
    DOUBLE,
    /** {@code true} or {@code false}. */
    BOOLEAN,
    /** Free text. */
    STRING,
    /** One of {@link OptionSpec#choices()}. */
    CHOICE,
    /** A comma-separated list of integers; {@code a-b} stands for every integer from a to b. */
    INT_LIST,
    /** A comma-separated list of decimal numbers. */
    DOUBLE_LIST,
    /** A comma-separated list of {@link OptionSpec#choices()}, or of free words when there are none. */
    STRING_LIST
}
