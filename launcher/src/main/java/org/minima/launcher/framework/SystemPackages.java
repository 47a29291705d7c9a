package org.minima.launcher.framework;

import java.io.IOException;
import java.net.JarURLConnection;
import java.net.URL;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.Manifest;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Computes {@code org.osgi.framework.system.packages.extra}: every package of every jar on the launcher's class path,
 * so bundles share one copy of DL4J, ND4J, XChart, Commons CSV, SLF4J and the Minima API (ND4J must initialise once
 * per JVM), and Declarative Services' API, which the launcher reads too. OSGi jars contribute their own
 * Export-Package clauses (with versions and uses); plain jars contribute each package holding classes, unversioned,
 * except OSGi specification packages. The framework's own packages and {@code java.*} are left out.
 */
public final class SystemPackages {

    private static final Logger LOG = LoggerFactory.getLogger(SystemPackages.class);

    private SystemPackages() {
    }

    /** The property value for the jars visible to {@code loader}. */
    static String compute(ClassLoader loader) throws IOException {
        Map<String, String> clauses = new LinkedHashMap<>();
        Enumeration<URL> manifests = loader.getResources(JarFile.MANIFEST_NAME);
        while (manifests.hasMoreElements()) {
            URL url = manifests.nextElement();
            if (!"jar".equals(url.getProtocol())) {
                continue;
            }
            JarURLConnection connection = (JarURLConnection) url.openConnection();
            connection.setUseCaches(false);
            try (JarFile jar = connection.getJarFile()) {
                exportsOf(jar).forEach(clauses::putIfAbsent);
            }
        }
        LOG.debug("system bundle exports {} class-path packages", clauses.size());
        return String.join(",", clauses.values());
    }

    /** Package name → its export clauses (comma-separated) for one jar; empty for the framework jar. */
    static Map<String, String> exportsOf(JarFile jar) throws IOException {
        Map<String, String> clauses = new LinkedHashMap<>();
        Manifest manifest = jar.getManifest();
        Attributes main = manifest == null ? new Attributes() : manifest.getMainAttributes();
        String symbolicName = main.getValue("Bundle-SymbolicName");
        if (symbolicName != null && symbolicName.startsWith("org.apache.felix.framework")) {
            return clauses;
        }
        String exports = main.getValue("Export-Package");
        if (exports != null) {
            for (String clause : splitClauses(exports)) {
                String name = clause.split(";", 2)[0].trim();
                if (shareable(name) || isOsgi(name)) {
                    // a package may be exported at several versions (slf4j 2 also exports itself as 1.7.36)
                    clauses.merge(name, clause.trim(), (first, second) -> first + "," + second);
                }
            }
            return clauses;
        }
        for (String name : classPackages(jar)) {
            if (shareable(name)) {
                clauses.put(name, name);
            }
        }
        return clauses;
    }

    /** Splits a manifest header at commas outside quotes. */
    static List<String> splitClauses(String header) {
        List<String> out = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean quoted = false;
        for (char c : header.toCharArray()) {
            if (c == '"') {
                quoted = !quoted;
            }
            if (c == ',' && !quoted) {
                out.add(current.toString());
                current.setLength(0);
            } else {
                current.append(c);
            }
        }
        if (!current.isEmpty()) {
            out.add(current.toString());
        }
        return out;
    }

    private static TreeSet<String> classPackages(JarFile jar) {
        TreeSet<String> packages = new TreeSet<>();
        Enumeration<JarEntry> entries = jar.entries();
        while (entries.hasMoreElements()) {
            String entry = entries.nextElement().getName();
            int slash = entry.lastIndexOf('/');
            if (entry.endsWith(".class") && slash > 0 && !entry.startsWith("META-INF/")) {
                packages.add(entry.substring(0, slash).replace('/', '.'));
            }
        }
        return packages;
    }

    /**
     * An OSGi specification package (Declarative Services' API and the promises it uses): shared only as its own
     * bundle exports it, with its version, since the framework's own org.osgi packages come from the framework jar.
     */
    private static boolean isOsgi(String name) {
        return name.startsWith("org.osgi.");
    }

    private static boolean shareable(String name) {
        return !name.isEmpty() && !name.startsWith("java.") && !name.equals("org.osgi") && !name.startsWith("org.osgi.")
                && !name.startsWith("org.minima.launcher");
    }
}
