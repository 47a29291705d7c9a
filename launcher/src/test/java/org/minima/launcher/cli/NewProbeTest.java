package org.minima.launcher.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.minima.launcher.config.InputError;

/** The project generator on the real example: every name replaced, nothing of the example's left. */
class NewProbeTest {

    private static final Path HOME = Path.of(System.getProperty("minima.root", "..")).toAbsolutePath().normalize();

    @TempDir
    Path dir;

    @Test
    void theExampleBecomesAProjectOfTheGivenNameAndPackage() throws Exception {
        Path project = dir.resolve("edge");
        List<Path> files = NewProbe.create(HOME, project, "edge-loss", "org.lab.edge");
        Path source = project.resolve("src/main/java/org/lab/edge/EdgeLoss.java");
        assertTrue(files.contains(source), files.toString());
        assertTrue(files.contains(project.resolve("src/test/java/org/lab/edge/EdgeLossIT.java")), files.toString());
        String code = Files.readString(source);
        assertTrue(code.startsWith("package org.lab.edge;") && code.contains("public final class EdgeLoss ")
                && code.contains("NAME = \"edge-loss\"") && code.contains("\"edge_loss\""), code);
        String pom = Files.readString(project.resolve("pom.xml"));
        assertTrue(pom.contains("<artifactId>edge-loss</artifactId>") && pom.contains("<bsn>org.lab.edge</bsn>")
                && pom.contains("<minima.home>" + HOME + "</minima.home>"), pom);
        for (Path file : files) {
            String text = Files.readString(file);
            assertFalse(text.contains("eightNorms") || text.contains("weight-norms") || text.contains("weightnorms"),
                    file + " still names the example");
        }
    }

    @Test
    void badNamesAndAnExistingFolderAreRefused() throws Exception {
        InputError name = assertThrows(InputError.class, () -> NewProbe.create(HOME, dir.resolve("a"), "Edge",
                "org.lab.edge"));
        assertTrue(name.getMessage().contains("NAME 'Edge'"), name.getMessage());
        InputError pkg = assertThrows(InputError.class, () -> NewProbe.create(HOME, dir.resolve("a"), "edge",
                "Edge"));
        assertTrue(pkg.getMessage().contains("PACKAGE 'Edge'"), pkg.getMessage());
        InputError exists = assertThrows(InputError.class, () -> NewProbe.create(HOME, dir, "edge", "org.lab.edge"));
        assertEquals("new-probe: " + dir + " exists already; name a new folder", exists.getMessage());
    }
}
