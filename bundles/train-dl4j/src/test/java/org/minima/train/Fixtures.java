package org.minima.train;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.minima.api.Settings;
import org.minima.api.data.BoardShape;
import org.minima.api.data.BoardStream;
import org.minima.api.data.Boards;
import org.minima.api.data.DataSpec;
import org.minima.api.data.Density;
import org.minima.api.data.Game;
import org.minima.api.data.Neighbourhood;
import org.minima.api.init.InitRequest;
import org.minima.api.model.Activation;
import org.minima.api.model.Model;
import org.minima.api.model.ModelSpec;
import org.minima.api.model.ParameterVector;
import org.minima.api.train.Optimizer;
import org.minima.api.train.TrainingJob;
import org.minima.api.train.TrainingMonitor;
import org.minima.api.train.TrainingSpec;
import org.minima.arch.FirnerModel;
import org.minima.gol.GolDataset;
import org.minima.init.pytorch.PyTorchDefault;

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
        return DATA.sample(data(steps, size), BoardStream.training(11), batchIndex, count);
    }

    /** PyTorch's default initialisation of {@code spec}, as a run starts it. */
    static ParameterVector initial(Model model, ModelSpec spec, long seed) {
        return new PyTorchDefault().initialise(new InitRequest(spec, model.layout(spec), seed,
                Game.conway(Neighbourhood.VON_NEUMANN), Optional.empty(), Settings.empty())).parameters();
    }

    static TrainingJob job(Model model, ModelSpec spec, Optimizer optimizer, int batches, long seed, String engine) {
        return job(model, spec, optimizer, batches, seed, engine, Set.of());
    }

    static TrainingJob job(Model model, ModelSpec spec, Optimizer optimizer, int batches, long seed, String engine,
                           Set<Integer> frozenBlocks) {
        return new TrainingJob("test-" + seed, model, spec, DATA, data(spec.steps(), 6),
                new TrainingSpec(optimizer, batches, 16, 5), seed, initial(model, spec, seed), frozenBlocks,
                options(engine));
    }

    /** The trainer's options with {@code engine}, parsed as the launcher parses a profile. */
    static Settings options(String engine) {
        return Settings.of(new Dl4jTrainer().options(), Map.of(Dl4jTrainer.ENGINE, engine));
    }

    static ModelSpec spec(int steps, int width, Activation activation) {
        return new ModelSpec(steps, width, 1, activation);
    }

    /** Equal to {@code tolerance} times the largest magnitude in {@code expected} (at least 1e-3). */
    static void assertClose(float[] expected, float[] actual, double tolerance) {
        assertEquals(expected.length, actual.length);
        double scale = 1e-3;
        for (float e : expected) {
            scale = Math.max(scale, Math.abs(e));
        }
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i], actual[i], tolerance * scale, "element " + i);
        }
    }
}
