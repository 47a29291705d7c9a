package org.minima.testkit;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import org.minima.api.Plugin;
import org.minima.api.Progress;
import org.minima.api.Settings;
import org.minima.api.Table;
import org.minima.api.data.DataSpec;
import org.minima.api.data.Dataset;
import org.minima.api.model.Model;
import org.minima.api.model.ModelSpec;
import org.minima.api.model.ParameterVector;
import org.minima.api.model.Solutions;
import org.minima.api.run.Experiment;
import org.minima.api.run.RunContext;
import org.minima.api.train.TrainedModel;
import org.minima.api.train.Trainer;
import org.minima.api.train.TrainingJob;
import org.minima.api.train.TrainingMonitor;
import org.minima.api.train.TrainingSpec;

/**
 * A {@link RunContext} for a bundle's unit tests: a folder of the test's (JUnit's {@code @TempDir}), the study and
 * services the test gives, and tables kept in memory. A table written and read back holds text, as one read from a
 * run folder's CSV file does, so a plugin that works here reads the launcher's tables the same way. Files are written
 * atomically into the folder; progress is counted per task. Parts the test did not give throw
 * {@link IllegalStateException} when asked for, naming what is missing. Thread-safe.
 */
public final class TestRunContext implements RunContext {

    private final Path folder;
    private final Experiment experiment;
    private final Settings settings;
    private final Dataset dataset;
    private final Optional<Model> model;
    private final Optional<Solutions> solutions;
    private final List<TrainedModel> trainedModels;
    private final Trainer trainer;
    private final Settings trainerSettings;
    private final Map<String, Table> tables = new ConcurrentHashMap<>();
    private final Map<String, AtomicLong> progress = new ConcurrentHashMap<>();

    private TestRunContext(Builder builder) {
        this.folder = builder.folder;
        this.experiment = builder.experiment;
        this.settings = builder.settings;
        this.dataset = builder.dataset;
        this.model = Optional.ofNullable(builder.model);
        this.solutions = Optional.ofNullable(builder.solutions);
        this.trainedModels = List.copyOf(builder.trainedModels);
        this.trainer = builder.trainer;
        this.trainerSettings = builder.trainerSettings;
        builder.tables.forEach(this::store);
    }

    /** Starts a context over {@code folder}, with no settings, services, models or tables yet. */
    public static Builder in(Path folder) {
        return new Builder(folder);
    }

    @Override
    public String runId() {
        return folder.getFileName().toString();
    }

    @Override
    public Path folder() {
        return folder;
    }

    @Override
    public Experiment experiment() {
        return require(experiment, "an experiment");
    }

    @Override
    public Settings settings() {
        return settings;
    }

    @Override
    public Dataset dataset() {
        return require(dataset, "a dataset");
    }

    @Override
    public Optional<Model> model() {
        return model;
    }

    @Override
    public Optional<Solutions> solutions() {
        return solutions;
    }

    @Override
    public List<TrainedModel> trainedModels() {
        return trainedModels;
    }

    /** Trains with the trainer given to the builder, the experiment's protocol, {@code batches} batches. */
    @Override
    public ParameterVector train(ModelSpec spec, DataSpec data, ParameterVector start, int batches, long seed) {
        TrainingSpec protocol = experiment().training();
        TrainingJob job = new TrainingJob("test-further", require(model.orElse(null), "a model"), spec, dataset(),
                data, new TrainingSpec(protocol.optimizer(), batches, protocol.batchSize(), protocol.curveEvery()),
                seed, start, Set.of(), trainerSettings);
        return require(trainer, "a trainer").train(job, new TrainingMonitor() {
            @Override
            public void batchesDone(int done) {
                // tests read the result
            }

            @Override
            public boolean cancelled() {
                return false;
            }
        }).parameters();
    }

    @Override
    public Progress progress(String task, long total) {
        AtomicLong done = progress.computeIfAbsent(task, t -> new AtomicLong());
        return new Progress() {
            @Override
            public void advance(long units) {
                done.addAndGet(units);
            }

            @Override
            public void close() {
                // the count stays readable through progressOf
            }
        };
    }

    /** The units reported done for {@code task} so far (0 when never started). */
    public long progressOf(String task) {
        AtomicLong done = progress.get(task);
        return done == null ? 0 : done.get();
    }

    @Override
    public boolean hasTable(String name) {
        return tables.containsKey(name);
    }

    @Override
    public Table readTable(String name) throws IOException {
        Table table = tables.get(name);
        if (table == null) {
            throw new IOException("no table '" + name + "'; tables: " + tables.keySet());
        }
        return table;
    }

    @Override
    public void writeTable(Table table) {
        store(table);
    }

    @Override
    public void writeFile(String fileName, FileWriter writer) throws IOException {
        Path target = folder.resolve(fileName);
        Path temporary = folder.resolve("." + fileName + ".tmp");
        writer.writeTo(temporary);
        try {
            Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** Keeps {@code table} as its CSV file would give it back: every value as text, a missing one empty. */
    private void store(Table table) {
        List<List<Object>> rows = new ArrayList<>();
        for (List<Object> row : table.rows()) {
            rows.add(row.stream().map(value -> (Object) (value == null ? "" : value.toString())).toList());
        }
        tables.put(table.name(), new Table(table.name(), table.columns(), rows));
    }

    private static <T> T require(T part, String what) {
        if (part == null) {
            throw new IllegalStateException("this test's RunContext was given no " + what.replaceFirst("^an? ", "")
                    + "; give " + what + " to TestRunContext.in(folder)");
        }
        return part;
    }

    /** Builds a {@link TestRunContext}. Not thread-safe. */
    public static final class Builder {
        private final Path folder;
        private Experiment experiment;
        private Settings settings = Settings.empty();
        private Dataset dataset;
        private Model model;
        private Solutions solutions;
        private final List<TrainedModel> trainedModels = new ArrayList<>();
        private final List<Table> tables = new ArrayList<>();
        private Trainer trainer;
        private Settings trainerSettings = Settings.empty();

        private Builder(Path folder) {
            this.folder = folder;
        }

        public Builder experiment(Experiment value) {
            this.experiment = value;
            return this;
        }

        /** The settings of the plugin under test. */
        public Builder settings(Settings value) {
            this.settings = value;
            return this;
        }

        /**
         * The options of {@code plugin}, its defaults with {@code values} (profile syntax) on top, parsed as the
         * launcher parses a profile.
         */
        public Builder settings(Plugin plugin, Map<String, String> values) {
            return settings(Settings.of(plugin.options(), values));
        }

        public Builder dataset(Dataset value) {
            this.dataset = value;
            return this;
        }

        public Builder model(Model value) {
            this.model = value;
            return this;
        }

        public Builder solutions(Solutions value) {
            this.solutions = value;
            return this;
        }

        /** The trainer {@link #train} uses, with its options. */
        public Builder trainer(Trainer value, Settings options) {
            this.trainer = value;
            this.trainerSettings = options;
            return this;
        }

        public Builder trainedModels(List<TrainedModel> values) {
            trainedModels.addAll(values);
            return this;
        }

        /** A table the run folder already holds. */
        public Builder table(Table value) {
            tables.add(value);
            return this;
        }

        public TestRunContext build() {
            return new TestRunContext(this);
        }
    }
}
