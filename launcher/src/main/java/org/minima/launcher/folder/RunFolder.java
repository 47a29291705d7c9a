package org.minima.launcher.folder;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.minima.api.Table;
import org.minima.launcher.config.Bound;
import org.minima.launcher.config.InputError;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;

/**
 * A run's folder, {@code results/PROFILE/RUN_ID/}: its resolved configuration, its record, its log and its outputs.
 * It is created only once the profile has been validated, so bad input leaves nothing behind.
 */
public final class RunFolder {

    public static final String CONFIG = "config.properties";
    /** The run's record. */
    public static final String RECORD = "run.json";
    /** Which service, bundle and options made each output of the folder. */
    public static final String PROVENANCE = "provenance.json";
    public static final String LOG = "run.log";
    /** The folder of the trained models and their curves. */
    public static final String MODELS = "models";
    /** The folder of a sharded run's per-shard records, logs and locks. */
    public static final String SHARDS = "shards";
    /** The folder of the probes' per-model rows. */
    public static final String PROBES = "probes";
    public static final String TRAINING_TABLE = "training";
    public static final String CURVES_TABLE = "curves";
    public static final String EVALUATION_TABLE = "evaluation";
    public static final String SUMMARY_TABLE = "summary";
    /** Tables the launcher itself writes; analyses and probes may not take their names. */
    public static final Set<String> CORE_TABLES = Set.of(TRAINING_TABLE, CURVES_TABLE, EVALUATION_TABLE,
            SUMMARY_TABLE);

    /** Indented JSON with {@code "key": value}, as people write it. */
    private static final ObjectWriter JSON_WRITER = new ObjectMapper().writer(new DefaultPrettyPrinter()
            .withSeparators(Separators.createDefaultInstance().withObjectFieldValueSpacing(Separators.Spacing.AFTER)));
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final DateTimeFormatter RUN_ID = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    private final Path path;

    private RunFolder(Path path) {
        this.path = path;
    }

    /** A new, empty folder {@code resultsDir/profile/TIMESTAMP} (with a suffix if that exists already). */
    public static RunFolder create(Path resultsDir, String profile) throws IOException {
        Path parent = resultsDir.resolve(profile);
        Files.createDirectories(parent);
        String stamp = LocalDateTime.now().format(RUN_ID);
        for (int attempt = 1; ; attempt++) {
            Path candidate = parent.resolve(attempt == 1 ? stamp : stamp + "-" + attempt);
            try {
                return new RunFolder(Files.createDirectory(candidate));
            } catch (java.nio.file.FileAlreadyExistsException e) {
                // another run started in the same second: take the next suffix
            }
        }
    }

    /**
     * The shared folder {@code resultsDir/profile/runId} of a sharded run, created by whichever shard comes first.
     *
     * @throws InputError when {@code runId} is not a plain folder name
     */
    public static RunFolder openShared(Path resultsDir, String profile, String runId) throws IOException {
        if (!runId.matches("[A-Za-z0-9][A-Za-z0-9._-]*")) {
            throw new InputError("--run-id '" + runId + "': use letters, digits, '.', '_' and '-', for example "
                    + "slurm-4242");
        }
        return new RunFolder(Files.createDirectories(resultsDir.resolve(profile).resolve(runId)).toAbsolutePath()
                .normalize());
    }

    /**
     * An existing run folder to resume.
     *
     * @throws InputError when {@code folder} is not a run folder
     */
    public static RunFolder reopen(Path folder) {
        if (!Files.isRegularFile(folder.resolve(CONFIG))) {
            throw new InputError("--resume " + folder + ": not a run folder (no " + CONFIG
                    + "); run folders look like results/PROFILE/RUN_ID");
        }
        return new RunFolder(folder.toAbsolutePath().normalize());
    }

    public Path path() {
        return path;
    }

    public String runId() {
        return path.getFileName().toString();
    }

    /** The profile name: the folder's parent's name. */
    public String profileName() {
        return path.getParent().getFileName().toString();
    }

    public Path file(String name) {
        if (name.contains("/") || name.contains("\\") || name.startsWith(".")) {
            throw new IllegalArgumentException("'" + name + "' is not a plain file name");
        }
        return path.resolve(name);
    }

    /** Writes the fully resolved configuration (every key, defaults included), sorted. */
    public void writeConfig(Map<String, String> resolved, String header) throws IOException {
        String body = resolved.entrySet().stream()
                .map(e -> escapeKey(e.getKey()) + " = " + escapeValue(e.getValue()))
                .collect(Collectors.joining("\n"));
        AtomicFiles.writeString(file(CONFIG), "# " + header + "\n" + body + "\n");
    }

    /** The run's record, {@value #RECORD}. */
    public Path recordFile() {
        return file(RECORD);
    }

    /** A file of shard {@code label} (for example {@code 1-of-3}) in {@value #SHARDS}/, such as its record. */
    public Path shardFile(String label, String suffix) throws IOException {
        return Files.createDirectories(path.resolve(SHARDS)).resolve(label + suffix);
    }

    /** The records the shards of a sharded run left, by file name. */
    public Map<String, Map<String, Object>> shardRecords() throws IOException {
        Map<String, Map<String, Object>> records = new TreeMap<>();
        Path dir = path.resolve(SHARDS);
        if (Files.isDirectory(dir)) {
            try (Stream<Path> files = Files.list(dir)) {
                for (Path file : files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
                    records.put(file.getFileName().toString(), readJson(file));
                }
            }
        }
        return records;
    }

    /**
     * The record in {@code file} as written so far; empty when there is none yet.
     *
     * @throws DamagedFile when it is not a JSON object
     */
    public static Map<String, Object> readRecord(Path file) throws IOException {
        return readJson(file);
    }

    /**
     * Records that {@code maker} wrote {@code fileName} (a file of the folder): a copy goes to the maker's
     * {@link Bound#outputFolder()}, with the maker's provenance beside it, and {@value #PROVENANCE} names the maker
     * of the folder's current file. A later maker of the same file replaces the entry, never the kept copies.
     */
    public void recordOutput(String fileName, Bound<?> maker) throws IOException {
        Path kept = path.resolve(maker.outputFolder());
        AtomicFiles.write(kept.resolve(fileName), tmp -> Files.copy(file(fileName), tmp,
                StandardCopyOption.REPLACE_EXISTING));
        writeJson(kept.resolve(PROVENANCE), maker.provenance());
        Map<String, Object> entry = new LinkedHashMap<>(maker.provenance());
        entry.put("folder", maker.outputFolder());
        synchronized (this) {
            Map<String, Object> provenance = readJson(file(PROVENANCE));
            provenance.put(fileName, entry);
            writeJson(file(PROVENANCE), new TreeMap<>(provenance));
        }
    }

    /** Writes {@code value} as indented JSON to {@code file}, atomically. */
    public static void writeJson(Path file, Object value) throws IOException {
        AtomicFiles.writeString(file, JSON_WRITER.writeValueAsString(value) + "\n");
    }

    private static Map<String, Object> readJson(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            return new LinkedHashMap<>();
        }
        try {
            return JSON.readValue(file.toFile(), new TypeReference<LinkedHashMap<String, Object>>() { });
        } catch (JsonProcessingException e) {
            throw new DamagedFile(file, "not a JSON object (" + e.getOriginalMessage() + (e.getLocation() == null
                    ? "" : ", line " + e.getLocation().getLineNr()) + ")", "Restore it, or move it aside (mv " + file + " " + file
                    + ".damaged) and Minima starts a new one");
        }
    }

    public void writeTable(Table table) throws IOException {
        CsvTables.write(table, tableFile(table.name()));
    }

    public Table readTable(String name) throws IOException {
        return CsvTables.read(name, tableFile(name));
    }

    /** How many trained models {@code models/} holds. */
    public int modelCount() throws IOException {
        Path models = path.resolve(MODELS);
        if (!Files.isDirectory(models)) {
            return 0;
        }
        try (Stream<Path> files = Files.list(models)) {
            return (int) files.filter(f -> f.getFileName().toString().endsWith(".zip")).count();
        }
    }

    /** The names of the tables the folder holds. */
    public Set<String> tables() {
        try (Stream<Path> files = Files.list(path)) {
            return files.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(".csv") && !n.startsWith("."))
                    .map(n -> n.substring(0, n.length() - ".csv".length())).collect(Collectors.toSet());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public boolean hasTable(String name) {
        return Files.isRegularFile(tableFile(name));
    }

    private Path tableFile(String name) {
        return file(name + ".csv");
    }

    private static String escapeKey(String key) {
        return key.replace(" ", "\\ ").replace("=", "\\=").replace(":", "\\:");
    }

    private static String escapeValue(String value) {
        return value.replace("\\", "\\\\");
    }
}
