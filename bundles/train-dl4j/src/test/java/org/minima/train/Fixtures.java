package org.minima.train;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.minima.api.Settings;
import org.minima.api.data.BoardShape;
import org.minima.api.data.Boards;
import org.minima.api.data.DataSpec;
import org.minima.api.data.Density;
import org.minima.api.data.Game;
import org.minima.api.data.Neighbourhood;
import org.minima.api.model.Activation;
import org.minima.api.model.Model;
import org.minima.api.model.ModelSpec;
import org.minima.api.train.Optimizer;
import org.minima.api.train.TrainingJob;
import org.minima.api.train.TrainingMonitor;
import org.minima.api.train.TrainingSpec;
import org.minima.arch.FirnerModel;
import org.minima.gol.GolDataset;

/** Real services and small jobs for the trainer's tests. */
final class Fixtures {

    static final GolDataset DATA = new GolDataset();
    static final Model FIRNER = new FirnerModel();

    static final TrainingMonitor SILENT = new TrainingMonitor() {
        @Override
        public void batchesDone(int batches) {
            // tests read the result, not the progress
        }

        @Override
        public boolean cancelled() {
            return false;
        }
    };

    private Fixtures() {
    }

    static DataSpec data(int steps, int size) {
        return new DataSpec(Game.conway(Neighbourhood.VON_NEUMANN), new BoardShape(size, size), Density.fixed(0.5),
                steps);
    }

    static Boards batch(int steps, int size, int count, long batchIndex) {
        return DATA.sample(data(steps, size), 11, batchIndex, count);
    }

    static TrainingJob job(Model model, ModelSpec spec, Optimizer optimizer, int batches, long seed, String engine) {
        return new TrainingJob("test-" + seed, model, spec, DATA, data(spec.steps(), 6),
                new TrainingSpec(optimizer, batches, 16, 5), seed, model.initialise(spec, seed), Set.of(),
                settings(Map.of(Dl4jTrainer.ENGINE, engine)));
    }

    static ModelSpec spec(int steps, int width, Activation activation) {
        return new ModelSpec(steps, width, 1, activation);
    }

    /** A settings view of fixed strings (the launcher's typed view is not needed here). */
    static Settings settings(Map<String, String> values) {
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
                return Integer.parseInt(values.get(key));
            }

            @Override
            public long getLong(String key) {
                return Long.parseLong(values.get(key));
            }

            @Override
            public double getDouble(String key) {
                return Double.parseDouble(values.get(key));
            }

            @Override
            public boolean getBoolean(String key) {
                return Boolean.parseBoolean(values.get(key));
            }

            @Override
            public String getString(String key) {
                return values.get(key);
            }

            @Override
            public List<Integer> getIntList(String key) {
                throw new IllegalArgumentException(key);
            }

            @Override
            public List<Double> getDoubleList(String key) {
                throw new IllegalArgumentException(key);
            }

            @Override
            public List<String> getStringList(String key) {
                throw new IllegalArgumentException(key);
            }
        };
    }
}
