package org.minima.launcher.folder;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

/** The versions and source revision a run records, read from the class path and git. */
public final class Versions {

    private Versions() {
    }

    /** Minima, Java, DL4J, ND4J, Felix versions. */
    static Map<String, String> all() {
        Map<String, String> versions = new LinkedHashMap<>();
        versions.put("minima", orUnknown(Versions.class.getPackage().getImplementationVersion()));
        versions.put("java", System.getProperty("java.version") + " (" + System.getProperty("java.vm.name") + ")");
        versions.put("dl4j", maven("org.deeplearning4j", "deeplearning4j-nn"));
        versions.put("nd4j", maven("org.nd4j", "nd4j-native"));
        versions.put("felix", maven("org.apache.felix", "org.apache.felix.framework"));
        return versions;
    }

    /** The git commit of {@code home} with "-dirty" when it has uncommitted changes, or "unknown". */
    static String gitCommit(Path home) {
        if (!Files.exists(home.resolve(".git"))) {
            return "unknown";
        }
        String commit = git(home, "rev-parse", "HEAD");
        if (commit.isEmpty()) {
            return "unknown";
        }
        return git(home, "status", "--porcelain", "--untracked-files=no").isEmpty() ? commit : commit + "-dirty";
    }

    private static String git(Path home, String... args) {
        String[] command = new String[args.length + 3];
        command[0] = "git";
        command[1] = "-C";
        command[2] = home.toString();
        System.arraycopy(args, 0, command, 3, args.length);
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            boolean done = process.waitFor(5, TimeUnit.SECONDS);
            return done && process.exitValue() == 0 ? out : "";
        } catch (IOException e) {
            return "";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "";
        }
    }

    private static String maven(String group, String artifact) {
        String resource = "META-INF/maven/" + group + "/" + artifact + "/pom.properties";
        try (InputStream in = Versions.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                return "unknown";
            }
            Properties properties = new Properties();
            properties.load(in);
            return orUnknown(properties.getProperty("version"));
        } catch (IOException e) {
            return "unknown";
        }
    }

    private static String orUnknown(String value) {
        return value == null ? "unknown" : value;
    }
}
