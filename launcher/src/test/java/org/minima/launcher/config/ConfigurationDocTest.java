package org.minima.launcher.config;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.minima.api.OptionSpec;

/** docs/configuration.md documents every core key with its default: the reference cannot drift from the code. */
class ConfigurationDocTest {

    @Test
    void everyCoreKeyIsDocumentedWithItsDefault() throws IOException {
        String doc = Files.readString(Path.of(System.getProperty("minima.root", ".."), "docs", "configuration.md"));
        for (OptionSpec spec : CoreOptions.ALL) {
            String defaultCell = spec.defaultValue().isEmpty() ? "*(empty)*" : "`" + spec.defaultValue() + "`";
            assertTrue(doc.contains("| `" + spec.key() + "` |"), "docs/configuration.md lacks key " + spec.key());
            String row = doc.lines().filter(l -> l.startsWith("| `" + spec.key() + "` |")).findFirst().orElseThrow();
            assertTrue(row.contains("| " + defaultCell + " |"), "the row of " + spec.key() + " should show default "
                    + defaultCell + ": " + row);
        }
    }
}
