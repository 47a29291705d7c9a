package org.minima.launcher;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.minima.api.Table;
import org.minima.launcher.folder.CsvTables;
import org.minima.launcher.folder.RunFolder;

/**
 * A throw-away Minima home (config/, results/, deploy/) and the real distribution built by Maven, run as a separate
 * process exactly as {@code ./minima} runs it. For integration tests.
 */
final class MinimaHome {

    /** A small, fast training profile the integration tests build on; keys appended after it override its own. */
    static final String TINY_TRAINING = """
            model = firner
            trainer = dl4j
            evaluator = success
            data.neighbourhood = von-neumann
            data.train-size = 6x6
            data.test-size = 5x5
            data.test-boards = 200
            steps = 1
            model.width = 1, 2
            train.learning-rate = 0.01
            train.curve-every = 50
            """;

    private static final Path DIST = Path.of(System.getProperty("minima.dist", "target/minima"));

    /**
     * A finished command.
     *
     * @param exitCode the process's exit code
     * @param output   stdout and stderr, interleaved
     */
    record Result(int exitCode, String output) {
    }

    private final Path home;

    MinimaHome(Path home) throws IOException {
        this.home = home;
        Files.createDirectories(home.resolve("config"));
    }

    Path home() {
        return home;
    }

    /** Writes {@code config/NAME.properties}. */
    void profile(String name, String content) throws IOException {
        Files.writeString(home.resolve("config").resolve(name + ".properties"), content, StandardCharsets.UTF_8);
    }

    /** Writes {@code HOME/minima}: a script that runs this distribution as {@code ./minima} does, for schedulers. */
    Path script() throws IOException {
        Path script = home.resolve("minima");
        Files.writeString(script, "#!/usr/bin/env bash\nexport OMP_NUM_THREADS=1\nexec "
                + Path.of(System.getProperty("java.home"), "bin", "java") + " --add-modules jdk.incubator.vector"
                + " -Djava.awt.headless=true -Dminima.home="
                + home + " -jar " + DIST.toAbsolutePath().resolve("minima.jar") + " \"$@\"\n");
        script.toFile().setExecutable(true);
        return script;
    }

    /** Starts {@code minima ARGS}, output going to {@code log}. */
    Process start(Path log, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "--add-modules",
                "jdk.incubator.vector", "-Djava.awt.headless=true", "-Dminima.home=" + home, "-jar", DIST.resolve("minima.jar").toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().put("OMP_NUM_THREADS", "1");
        builder.environment().put("MINIMA_CACHE", home.resolve(".cache").toString());
        return builder.start();
    }

    /** Runs {@code minima ARGS} to the end (at most five minutes). */
    Result run(String... args) throws IOException, InterruptedException {
        Path log = Files.createTempFile(home, "output", ".txt");
        Process process = start(log, args);
        if (!process.waitFor(5, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new AssertionError("minima did not finish in 5 minutes: " + Files.readString(log));
        }
        String output = Files.readString(log);
        Files.delete(log);
        return new Result(process.exitValue(), output);
    }

    /** The run folders of {@code profile}, oldest first. */
    List<Path> runFolders(String profile) throws IOException {
        Path dir = home.resolve("results").resolve(profile);
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> folders = Files.list(dir)) {
            return folders.filter(Files::isDirectory).sorted().toList();
        }
    }

    /** The one run folder of {@code profile}. */
    Path onlyRunFolder(String profile) throws IOException {
        List<Path> folders = runFolders(profile);
        if (folders.size() != 1) {
            throw new AssertionError("expected one run folder of '" + profile + "', found " + folders);
        }
        return folders.get(0);
    }

    /** Reads {@code NAME.csv} of a run folder. */
    static Table table(Path folder, String name) throws IOException {
        return CsvTables.read(name, folder.resolve(name + ".csv"));
    }

    /** Files left behind by an interrupted atomic write: names starting with '.' in the run folder and models/. */
    static List<String> temporaryFiles(Path run) throws IOException {
        List<String> found = new ArrayList<>();
        for (Path dir : List.of(run, run.resolve(RunFolder.MODELS))) {
            if (Files.isDirectory(dir)) {
                try (Stream<Path> files = Files.list(dir)) {
                    files.filter(f -> f.getFileName().toString().startsWith("."))
                            .forEach(f -> found.add(run.relativize(f).toString()));
                }
            }
        }
        return found;
    }

    /**
     * Content and modification time of the regular files directly in {@code folder} whose names end with
     * {@code suffix}, by name: equal snapshots mean nothing was written again.
     */
    static Map<String, FileState> snapshot(Path folder, String suffix) throws IOException {
        Map<String, FileState> files = new LinkedHashMap<>();
        try (Stream<Path> list = Files.list(folder)) {
            for (Path file : list.filter(f -> Files.isRegularFile(f) && f.toString().endsWith(suffix)).sorted()
                    .toList()) {
                files.put(file.getFileName().toString(), new FileState(Files.readAllBytes(file),
                        Files.getLastModifiedTime(file)));
            }
        }
        return files;
    }

    /** A file as it was: equal only when both its bytes and its modification time are. */
    record FileState(byte[] bytes, FileTime modified) {

        @Override
        public boolean equals(Object other) {
            return other instanceof FileState s && Arrays.equals(bytes, s.bytes) && modified.equals(s.modified);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(bytes) * 31 + modified.hashCode();
        }

        @Override
        public String toString() {
            return bytes.length + " bytes, modified " + modified;
        }
    }

    /**
     * Polls {@code log} until it contains {@code text}.
     *
     * @throws AssertionError if {@code process} ends first or a minute passes
     */
    static void awaitLog(Path log, String text, Process process) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(1);
        while (!Files.readString(log).contains(text)) {
            if (!process.isAlive() || System.nanoTime() > deadline) {
                throw new AssertionError("'" + text + "' never appeared in the output:\n" + Files.readString(log));
            }
            Thread.sleep(20);
        }
    }
}
