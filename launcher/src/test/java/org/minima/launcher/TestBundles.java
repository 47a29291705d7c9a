package org.minima.launcher;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

import org.minima.it.probe.ScriptedProbe;

/** Bundle jars written by a test, with a manifest of its own, as a third party would ship them. */
public final class TestBundles {

    /** What a {@link ScriptedProbe} bundle imports. */
    public static final String PROBE_IMPORTS = "org.minima.api;version=\"[2.0,3)\","
            + "org.minima.api.probe;version=\"[2.0,3)\",org.minima.api.run;version=\"[2.0,3)\","
            + "org.minima.api.train;version=\"[2.0,3)\",org.minima.api.model;version=\"[2.0,3)\",org.osgi.framework";

    private TestBundles() {
    }

    /**
     * Writes a {@link ScriptedProbe} bundle {@code org.minima.it.NAME} to {@code jar}, staged in the temporary folder
     * and moved into place, so that a watcher of the jar's folder (FileInstall) sees only the whole jar.
     */
    public static Path scriptedProbe(Path jar, String name, String behaviour, String version, String imports)
            throws IOException {
        return scriptedProbe(jar, name, behaviour, version, imports, Map.of());
    }

    /** The same, with {@code extra} manifest headers (a jar of other bytes, for the same code). */
    public static Path scriptedProbe(Path jar, String name, String behaviour, String version, String imports,
                                     Map<String, String> extra) throws IOException {
        Path staging = Files.createTempFile("minima-bundle-", ".staging");
        Map<String, String> headers = new LinkedHashMap<>(Map.of("Bundle-Version", version,
                "Bundle-Activator", ScriptedProbe.class.getName(), "Import-Package", imports, "Minima-Probe-Name", name,
                "Minima-Probe-Behaviour", behaviour));
        headers.putAll(extra);
        write(staging, "org.minima.it." + name, headers, ScriptedProbe.class);
        Files.createDirectories(jar.getParent());
        return Files.move(staging, jar, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /**
     * Writes {@code jar}: a bundle manifest with {@code headers} and the class files of {@code classes}.
     */
    public static Path write(Path jar, String symbolicName, Map<String, String> headers, Class<?>... classes)
            throws IOException {
        return write(jar, symbolicName, headers, Map.of(), classes);
    }

    /** The same, with further entries: path in the jar → text (a component description, say). */
    public static Path write(Path jar, String symbolicName, Map<String, String> headers, Map<String, String> entries,
                      Class<?>... classes) throws IOException {
        Manifest manifest = new Manifest();
        Attributes main = manifest.getMainAttributes();
        main.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        main.putValue("Bundle-ManifestVersion", "2");
        main.putValue("Bundle-SymbolicName", symbolicName);
        main.putValue("Bundle-Version", "1.0.0");
        headers.forEach(main::putValue);
        Files.createDirectories(jar.getParent());
        try (OutputStream file = Files.newOutputStream(jar);
             JarOutputStream out = new JarOutputStream(file, manifest)) {
            for (Class<?> type : classes) {
                String entry = type.getName().replace('.', '/') + ".class";
                out.putNextEntry(new JarEntry(entry));
                try (InputStream in = type.getClassLoader().getResourceAsStream(entry)) {
                    in.transferTo(out);
                }
                out.closeEntry();
            }
            for (Map.Entry<String, String> entry : entries.entrySet()) {
                out.putNextEntry(new JarEntry(entry.getKey()));
                out.write(entry.getValue().getBytes(StandardCharsets.UTF_8));
                out.closeEntry();
            }
        }
        return jar;
    }
}
