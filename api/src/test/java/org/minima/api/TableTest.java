package org.minima.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class TableTest {

    @Test
    void readsValuesByColumnNameWhetherNumbersOrText() {
        Table table = Table.builder("t", List.of("n", "share"))
                .row(1, 0.5)
                .row(Map.of("n", "2", "share", "0.25"))
                .build();
        assertEquals(0.5, table.number(0, "share"));
        assertEquals(0.25, table.number(1, "share"));
        assertEquals("2", table.text(1, "n"));
        assertEquals(List.of("1", "2"), table.distinct("n"));
        assertEquals(1, table.where("n", "2"::equals).rows().size());
    }

    @Test
    void rejectsMalformedTablesNamingTheProblem() {
        assertThrows(IllegalArgumentException.class, () -> new Table("bad name", List.of("a"), List.of()));
        assertThrows(IllegalArgumentException.class, () -> new Table("t", List.of("a", "a"), List.of()));
        String message = assertThrows(IllegalArgumentException.class,
                () -> Table.builder("t", List.of("a", "b")).row(1).build()).getMessage();
        assertTrue(message.contains("row 0 has 1 values for 2 columns"), message);
        assertThrows(IllegalArgumentException.class, () -> Table.builder("t", List.of("a")).build().columnIndex("z"));
    }
}
