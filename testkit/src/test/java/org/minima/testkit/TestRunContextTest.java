package org.minima.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.minima.api.Table;

class TestRunContextTest {

    @TempDir
    Path folder;

    @Test
    void tablesComeBackAsTextLikeACsvFile() throws Exception {
        TestRunContext context = TestRunContext.in(folder).build();
        context.writeTable(Table.builder("t", List.of("n", "x", "missing")).row(3, 0.25, null).build());
        Table back = context.readTable("t");
        assertEquals(Arrays.asList("3", "0.25", ""), back.rows().get(0));
        assertEquals(0.25, back.number(0, "x"));
        assertTrue(Double.isNaN(back.number(0, "missing")));
    }

    @Test
    void filesAreWrittenIntoTheFolderAndPartsNotGivenAreNamed() throws Exception {
        TestRunContext context = TestRunContext.in(folder).build();
        context.writeFile("a.txt", tmp -> Files.writeString(tmp, "done"));
        assertEquals("done", Files.readString(folder.resolve("a.txt")));
        try (var files = Files.list(folder)) {
            assertEquals(1, files.count(), "no temporary file is left");
        }
        String message = assertThrows(IllegalStateException.class, context::dataset).getMessage();
        assertTrue(message.contains("no dataset"), message);
    }

    @Test
    void progressIsCountedPerTask() {
        TestRunContext context = TestRunContext.in(folder).build();
        try (var progress = context.progress("boards", 10)) {
            progress.advance(4);
            progress.advance(6);
        }
        assertEquals(10, context.progressOf("boards"));
    }
}
