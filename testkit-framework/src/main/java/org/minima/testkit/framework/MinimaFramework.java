package org.minima.testkit.framework;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.minima.api.Table;

/**
 * A JUnit 5 extension that tests a bundle inside a real Minima: before the test class, it makes a throw-away Minima
 * home, copies the bundle jars into its {@code deploy/}, and trains a small run with the real distribution (the same
 * {@code minima.jar} that {@code ./minima} runs, as a separate process); tests then run commands on that run folder,
 * {@link #probe} above all, and read the tables back. Register it as a static field:
 *
 * <pre>{@code
 * @RegisterExtension
 * static final MinimaFramework MINIMA = MinimaFramework.withProjectBundle();
 *
 * @Test
 * void oneRowPerLayer() throws Exception {
 *     MinimaFramework.Result result = MINIMA.probe("weight-norms");
 *     assertEquals(0, result.exitCode(), result.output());
 *     Table table = result.table("weight_norms");
 * }
 * }</pre>
 *
 * The distribution is found from system property {@value #DIST_PROPERTY} (the folder holding {@code minima.jar}),
 * else {@value #HOME_PROPERTY} or environment variable {@code MINIMA_HOME} (a Minima clone, built with
 * {@code mvn install}): {@code HOME/launcher/target/minima}.
 */
public final class MinimaFramework implements BeforeAllCallback, AfterAllCallback {

    /** The system property naming the distribution folder. */
    public static final String DIST_PROPERTY = "minima.dist";
    /** The system property naming a Minima clone. */
    public static final String HOME_PROPERTY = "minima.home";
    /** The profile the default run trains: four small Firner networks in a few seconds. */
    public static final String SMALL_RUN = """
            model = firner
            trainer = dl4j
            evaluator = success
            solutions = exact
            data.neighbourhood = von-neumann
            data.train-size = 6x6
            data.test-size = 5x5
            data.test-boards = 200
            steps = 1
            model.width = 1, 2
            train.seeds = 1, 2
            train.batches = 100
            train.learning-rate = 0.01
            train.curve-every = 50
            """;
    private static final String PROFILE = "kit";
    private static final long COMMAND_MINUTES = 10;

    private final List<Path> bundles;
    private final String profile;
    private Path home;
    private Path runFolder;

    private MinimaFramework(List<Path> bundles, String profile) {
        this.bundles = List.copyOf(bundles);
        this.profile = profile;
    }

    /** The framework with these bundle jars in deploy/, training {@link #SMALL_RUN}. */
    public static MinimaFramework withBundles(Path... jars) {
        return new MinimaFramework(List.of(jars), SMALL_RUN);
    }

    /** The framework with the jar the current Maven project built ({@code target/*.jar}, run from failsafe). */
    public static MinimaFramework withProjectBundle() {
        return withBundles(projectJar(Path.of("target")));
    }

    /** The same bundles, training {@code properties} instead (a profile's text) before the tests. */
    public MinimaFramework training(String properties) {
        return new MinimaFramework(bundles, properties);
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        home = Files.createTempDirectory("minima-kit-");
        Path deploy = Files.createDirectories(home.resolve("deploy"));
        for (Path jar : bundles) {
            Files.copy(jar, deploy.resolve(jar.getFileName()), StandardCopyOption.REPLACE_EXISTING);
        }
        Files.createDirectories(home.resolve("config"));
        Files.writeString(home.resolve("config").resolve(PROFILE + ".properties"), profile, StandardCharsets.UTF_8);
        Result trained = minima("run", PROFILE);
        if (trained.exitCode() != 0) {
            throw new IllegalStateException("the test kit's run did not train (exit " + trained.exitCode() + "):\n"
                    + trained.output());
        }
        try (Stream<Path> runs = Files.list(home.resolve("results").resolve(PROFILE))) {
            runFolder = runs.filter(Files::isDirectory).findFirst().orElseThrow();
        }
    }

    @Override
    public void afterAll(ExtensionContext context) throws IOException {
        if (home != null && !Boolean.getBoolean("minima.keep")) {
            try (Stream<Path> files = Files.walk(home)) {
                for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(file);
                }
            }
        }
    }

    /** The trained run folder the tests work on. */
    public Path runFolder() {
        return runFolder;
    }

    /** Runs {@code probes} on the run folder: {@code minima probe RUN PROBE... [--set KEY=VALUE ...]}. */
    public Result probe(String probe, String... settings) throws IOException, InterruptedException {
        List<String> args = new ArrayList<>(List.of("probe", runFolder.toString(), probe));
        for (String setting : settings) {
            args.add("--set");
            args.add(setting);
        }
        return minima(args.toArray(String[]::new));
    }

    /** Runs any {@code minima} command in the kit's home, to its end. */
    public Result minima(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "--add-modules", "jdk.incubator.vector", "-Djava.awt.headless=true", "-Dminima.home=" + home,
                "-jar",
                distribution().resolve("minima.jar").toString()));
        command.addAll(List.of(args));
        Path log = Files.createTempFile(home, "output", ".txt");
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().put("OMP_NUM_THREADS", "1");
        Process process = builder.start();
        if (!process.waitFor(COMMAND_MINUTES, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new IllegalStateException("minima " + String.join(" ", args) + " did not finish in "
                    + COMMAND_MINUTES + " minutes:\n" + Files.readString(log));
        }
        return new Result(process.exitValue(), Files.readString(log), runFolder);
    }

    private static Path distribution() {
        String dist = System.getProperty(DIST_PROPERTY);
        if (dist == null) {
            String clone = System.getProperty(HOME_PROPERTY, System.getenv("MINIMA_HOME"));
            if (clone == null) {
                throw new IllegalStateException("where is Minima? Set -D" + HOME_PROPERTY + "=PATH (a clone built "
                        + "with mvn install) or -D" + DIST_PROPERTY + "=PATH (its launcher/target/minima)");
            }
            dist = Path.of(clone).resolve("launcher").resolve("target").resolve("minima").toString();
        }
        Path folder = Path.of(dist).toAbsolutePath();
        if (!Files.isRegularFile(folder.resolve("minima.jar"))) {
            throw new IllegalStateException(folder + " holds no minima.jar: build Minima with mvn install first");
        }
        return folder;
    }

    private static Path projectJar(Path target) {
        try (Stream<Path> files = Files.list(target)) {
            List<Path> jars = files.filter(f -> f.toString().endsWith(".jar") && !f.toString().endsWith("-sources.jar")
                    && !f.toString().endsWith("-javadoc.jar")).toList();
            if (jars.size() != 1) {
                throw new IllegalStateException("expected the one bundle jar the project built in " + target
                        + ", found " + jars + "; run the test from failsafe (mvn verify), after the jar is packaged");
            }
            return jars.get(0).toAbsolutePath();
        } catch (IOException e) {
            throw new IllegalStateException("cannot list " + target.toAbsolutePath() + ": " + e.getMessage(), e);
        }
    }

    /**
     * A finished command.
     *
     * @param exitCode  the process's exit code (0 success, 1 failed, 2 bad input)
     * @param output    what it printed
     * @param runFolder the run folder it worked on
     */
    public record Result(int exitCode, String output, Path runFolder) {

        /** The run folder's table {@code NAME.csv}, values as text. */
        public Table table(String name) throws IOException {
            try (Reader reader = Files.newBufferedReader(runFolder.resolve(name + ".csv"));
                 CSVParser parser = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get()
                         .parse(reader)) {
                Table.Builder table = Table.builder(name, parser.getHeaderNames());
                for (CSVRecord record : parser) {
                    table.row(record.toList().toArray());
                }
                return table.build();
            }
        }
    }
}
