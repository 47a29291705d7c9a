package org.minima.launcher.folder;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.minima.api.Table;

class CsvTablesTest {

    @TempDir
    Path dir;

    @Test
    void roundTripsValuesWithCommasQuotesAndGaps() throws IOException {
        Table table = Table.builder("t", List.of("name", "value", "note"))
                .row("B3/S23 moore", 0.52, "a, \"quoted\" note")
                .row("x", 1e-9, null)
                .build();
        Path file = dir.resolve("t.csv");
        CsvTables.write(table, file);
        Table back = CsvTables.read("t", file);
        assertEquals(table.columns(), back.columns());
        assertEquals("a, \"quoted\" note", back.text(0, "note"));
        assertEquals(0.52, back.number(0, "value"));
        assertEquals(1e-9, back.number(1, "value"));
        assertEquals("", back.text(1, "note"));
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of(file), files.toList(), "no temporary file is left behind");
        }
    }
}
