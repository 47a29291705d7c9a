package org.minima.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.minima.api.Table;

class SeriesTest {

    private static final Table TABLE = Table.builder("summary", List.of("steps", "neighbourhood", "width", "size"))
            .row("1", "moore", "16", "5x5").row("1", "von-neumann", "1", "5x5").row("2", "moore", "1", "5x5")
            .row("1", "moore", "2", "10x10").row("1", "moore", "2", "5x5").build();

    @Test
    void linesAreNamedByNAndByTheKeysThatVary() {
        List<String> labels = Series.split(TABLE, List.of("steps"), List.of("neighbourhood", "size")).stream()
                .map(Series.Line::label).toList();
        assertEquals(List.of("n = 1, moore, 5x5 boards", "n = 1, von-neumann, 5x5 boards", "n = 2, moore, 5x5 boards",
                "n = 1, moore, 10x10 boards"), labels);
        assertEquals(List.of("all"), Series.split(TABLE.where("steps", "2"::equals), List.of("size")).stream()
                .map(Series.Line::label).toList(), "a key that does not vary names nothing");
    }

    @Test
    void aLineIsRestrictedAndOrderedByNumberNotText() {
        Series.Line moore = Series.split(TABLE, List.of("steps"), List.of("neighbourhood")).get(0);
        Series.Line small = moore.where(TABLE, "size", "5x5").sortedBy(TABLE, "width");
        assertEquals("n = 1, moore", small.label());
        assertEquals(List.of(4, 0), small.rows());
        assertEquals(List.of(2.0, 16.0), List.of(Series.values(TABLE, small, "width")[0],
                Series.values(TABLE, small, "width")[1]));
    }

    @Test
    void missingColumnsAreAllNamed() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Series.requireColumns(TABLE, List.of("steps", "models", "success_rate"), "a figure"));
        assertTrue(e.getMessage().contains("[models, success_rate]"), e.getMessage());
    }
}
