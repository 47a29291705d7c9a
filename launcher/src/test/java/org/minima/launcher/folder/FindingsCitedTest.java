package org.minima.launcher.folder;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * Every result the README states points to its stored table: each {@code docs/findings/NAME/FILE} the README names
 * exists, each column quoted after a table ({@code docs/findings/NAME/FILE.csv: `column`, `column`}) is in its header,
 * and every findings folder says in its RUN.md how it was made.
 */
class FindingsCitedTest {

    private static final Path ROOT = Path.of(System.getProperty("minima.root", ".."));
    private static final Pattern CITED = Pattern.compile(
            "docs/findings/([a-z0-9-]+/[A-Za-z0-9_.-]+)((?::\\s*`[a-z0-9_]+`(?:,\\s*`[a-z0-9_]+`)*)?)");
    private static final Pattern COLUMN = Pattern.compile("`([a-z0-9_]+)`");

    @Test
    void everyFileAndColumnTheReadmeCitesIsStored() throws IOException {
        String readme = Files.readString(ROOT.resolve("README.md"));
        Matcher cited = CITED.matcher(readme);
        List<String> problems = new ArrayList<>();
        int citations = 0;
        while (cited.find()) {
            citations++;
            Path file = ROOT.resolve("docs/findings").resolve(cited.group(1));
            if (!Files.isRegularFile(file)) {
                problems.add(cited.group(1) + " is not in docs/findings");
                continue;
            }
            Matcher column = COLUMN.matcher(cited.group(2));
            List<String> header = cited.group(2).isEmpty() ? List.of() : header(file);
            while (column.find()) {
                if (!header.contains(column.group(1))) {
                    problems.add(cited.group(1) + " has no column '" + column.group(1) + "': " + header);
                }
            }
        }
        assertTrue(citations > 0, "the README cites no stored finding");
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }

    @Test
    void everyFindingsFolderSaysHowItWasMade() throws IOException {
        try (Stream<Path> folders = Files.list(ROOT.resolve("docs/findings"))) {
            List<Path> studies = folders.filter(Files::isDirectory).toList();
            assertFalse(studies.isEmpty());
            for (Path study : studies) {
                Path run = study.resolve(Findings.RUN_MD);
                assertTrue(Files.isRegularFile(run), study + " has no " + Findings.RUN_MD);
                assertTrue(Files.readString(run).contains("| command | `./minima "), run + " names no command");
            }
        }
    }

    private static List<String> header(Path csv) throws IOException {
        try (Stream<String> lines = Files.lines(csv)) {
            return Arrays.asList(lines.findFirst().orElse("").split(","));
        }
    }
}
