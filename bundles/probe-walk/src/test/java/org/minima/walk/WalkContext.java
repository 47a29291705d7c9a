package org.minima.walk;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.minima.api.OptionSpec;
import org.minima.api.Progress;
import org.minima.api.Settings;
import org.minima.api.Table;
import org.minima.api.data.Dataset;
import org.minima.api.model.Model;
import org.minima.api.model.Solutions;
import org.minima.api.run.Experiment;
import org.minima.api.run.RunContext;
import org.minima.api.train.TrainedModel;

/**
 * What a probe sees of a run: the probe's settings and the bound dataset, model and solutions. Everything a probe
 * must not touch (the folder, tables, progress) throws.
 */
record WalkContext(Settings settings, Dataset dataset, Optional<Model> model, Optional<Solutions> solutions)
        implements RunContext {

    /** The straight walk's options: its declared defaults, with {@code overrides} (profile syntax) on top. */
    static Settings settings(Map<String, String> overrides) {
        Map<String, String> values = new HashMap<>();
        for (OptionSpec option : new StraightWalk().options()) {
            values.put(option.key(), option.defaultValue());
        }
        overrides.forEach((key, value) -> {
            if (!values.containsKey(key)) {
                throw new IllegalArgumentException("straight-walk has no option " + key);
            }
            values.put(key, value);
        });
        return new Settings() {
            @Override
            public Set<String> keys() {
                return values.keySet();
            }

            @Override
            public String raw(String key) {
                return values.get(key);
            }

            @Override
            public int getInt(String key) {
                return Integer.parseInt(raw(key));
            }

            @Override
            public long getLong(String key) {
                return Long.parseLong(raw(key));
            }

            @Override
            public double getDouble(String key) {
                return Double.parseDouble(raw(key));
            }

            @Override
            public boolean getBoolean(String key) {
                return Boolean.parseBoolean(raw(key));
            }

            @Override
            public String getString(String key) {
                return raw(key);
            }

            @Override
            public List<Integer> getIntList(String key) {
                throw new IllegalArgumentException(key + " is not a list");
            }

            @Override
            public List<Double> getDoubleList(String key) {
                throw new IllegalArgumentException(key + " is not a list");
            }

            @Override
            public List<String> getStringList(String key) {
                throw new IllegalArgumentException(key + " is not a list");
            }
        };
    }

    @Override
    public String runId() {
        return "test";
    }

    @Override
    public Path folder() {
        throw new UnsupportedOperationException("a probe returns its rows; it does not write to the run folder");
    }

    @Override
    public Experiment experiment() {
        throw new UnsupportedOperationException("a probe reads the model it is given, not the study");
    }

    @Override
    public List<TrainedModel> trainedModels() {
        throw new UnsupportedOperationException("a probe is given one model");
    }

    @Override
    public Progress progress(String task, long total) {
        throw new UnsupportedOperationException("the launcher counts probed models");
    }

    @Override
    public boolean hasTable(String name) {
        throw new UnsupportedOperationException();
    }

    @Override
    public Table readTable(String name) {
        throw new UnsupportedOperationException();
    }

    @Override
    public void writeTable(Table table) {
        throw new UnsupportedOperationException("a probe returns its rows; it does not write tables");
    }

    @Override
    public void writeFile(String fileName, FileWriter writer) {
        throw new UnsupportedOperationException("a probe returns its rows; it does not write files");
    }
}
