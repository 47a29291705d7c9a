package org.minima.launcher.framework;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SystemPackagesTest {

    @TempDir
    Path dir;

    @Test
    void splitsClausesOnlyOutsideQuotes() {
        assertEquals(List.of("a;version=\"[1,2)\"", "b;uses:=\"x,y\""),
                SystemPackages.splitClauses("a;version=\"[1,2)\",b;uses:=\"x,y\""));
    }

    @Test
    void plainJarsExportEveryPackageHoldingClassesExceptJavaAndOsgi() throws IOException {
        Path jar = jar("plain.jar", null, "org/nd4j/A.class", "org/nd4j/linalg/B.class", "org/osgi/C.class",
                "META-INF/versions/11/x/D.class", "res/readme.txt");
        try (JarFile file = new JarFile(jar.toFile())) {
            assertEquals(Map.of("org.nd4j", "org.nd4j", "org.nd4j.linalg", "org.nd4j.linalg"),
                    SystemPackages.exportsOf(file));
        }
    }

    @Test
    void bundlesExportTheirOwnClausesWithVersions() throws IOException {
        Path jar = jar("bundle.jar", "org.minima.api;version=\"1.0.0\";uses:=\"a,b\",org.minima.api.data;version=1,"
                        + "org.minima.api;version=0.9",
                "org/minima/api/X.class");
        try (JarFile file = new JarFile(jar.toFile())) {
            Map<String, String> exports = SystemPackages.exportsOf(file);
            assertEquals("org.minima.api;version=\"1.0.0\";uses:=\"a,b\",org.minima.api;version=0.9",
                    exports.get("org.minima.api"), "every version of a package is exported");
            assertTrue(exports.containsKey("org.minima.api.data"));
        }
    }

    private Path jar(String name, String exportPackage, String... entries) throws IOException {
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        if (exportPackage != null) {
            manifest.getMainAttributes().putValue("Export-Package", exportPackage);
        }
        Path jar = dir.resolve(name);
        try (OutputStream out = Files.newOutputStream(jar); JarOutputStream jarOut = new JarOutputStream(out, manifest)) {
            for (String entry : entries) {
                jarOut.putNextEntry(new JarEntry(entry));
                jarOut.closeEntry();
            }
        }
        return jar;
    }
}
