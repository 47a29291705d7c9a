package org.minima.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

class OptionSpecTest {

    private static final OptionSpec STEPS = OptionSpec.number("steps", OptionType.INT_LIST, "1", 1.0, 1000.0, "n");
    private static final OptionSpec RATE = OptionSpec.number("rate", OptionType.DOUBLE, "1e-3", 0.0, 1.0, "lr");
    private static final OptionSpec KIND = OptionSpec.choice("kind", "adam", List.of("adam", "sgd"), "rule");

    @Test
    void expandsRangesInIntegerLists() {
        assertEquals(List.of(1, 2, 3, 5, 10, 11), STEPS.parse(" 1-3, 5 ,10-11"));
    }

    @Test
    void rejectsOutOfRangeMalformedAndRepeatedValuesSayingWhatIsAllowed() {
        String outOfRange = assertThrows(IllegalArgumentException.class, () -> STEPS.parse("0"))
                .getMessage();
        assertTrue(outOfRange.contains("from 1 to 1000"), outOfRange);
        String malformed = assertThrows(IllegalArgumentException.class, () -> STEPS.parse("1,x"))
                .getMessage();
        assertTrue(malformed.contains("'x'") && malformed.contains("1-20"), malformed);
        assertThrows(IllegalArgumentException.class, () -> STEPS.parse("1-3,2"));
        assertThrows(IllegalArgumentException.class, () -> STEPS.parse("5-3"));
        assertThrows(IllegalArgumentException.class, () -> STEPS.parse("1,,2"));
    }

    @Test
    void checksNumbersAndChoices() {
        assertEquals(1e-3, RATE.parse("0.001"));
        assertThrows(IllegalArgumentException.class, () -> RATE.parse("2"));
        assertThrows(IllegalArgumentException.class, () -> RATE.parse("NaN"));
        assertEquals("sgd", KIND.parse("sgd"));
        String message = assertThrows(IllegalArgumentException.class, () -> KIND.parse("rmsprop"))
                .getMessage();
        assertTrue(message.contains("one of adam, sgd"), message);
    }
}
