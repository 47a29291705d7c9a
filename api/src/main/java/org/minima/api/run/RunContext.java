package org.minima.api.run;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import org.minima.api.Progress;
import org.minima.api.Table;
import org.minima.api.data.DataSpec;
import org.minima.api.model.ModelSpec;
import org.minima.api.model.ParameterVector;
import org.minima.api.train.TrainedModel;
import org.osgi.annotation.versioning.ProviderType;

/**
 * What the launcher hands an {@link Analysis}, {@link Plot} or probe at work: the {@link Study} with the run's
 * trained models and atomic access to its folder. Every write goes to a temporary file first and is renamed into
 * place, so a killed run never leaves a half-written result.
 */
@ProviderType
public interface RunContext extends Study {

    /** The run's identifier, also its folder's name. */
    String runId();

    /** The run folder, {@code results/PROFILE/RUN_ID/}. */
    Path folder();

    /** The run's finished models, in grid order; empty when the run trains none. */
    List<TrainedModel> trainedModels();

    /**
     * Trains {@code start} further with the run's trainer, architecture, dataset and protocol (optimizer, batch size,
     * curve interval), for {@code batches} batches of the training stream of {@code seed}, nothing frozen: what a
     * probe needs to polish an exact solution as Firner's "presolved" model does. Deterministic like any training.
     *
     * @param spec the network {@code start} belongs to
     * @param data the boards to train on (a model's training {@code DataSpec})
     * @throws IllegalStateException when the run binds no trainer or model
     */
    ParameterVector train(ModelSpec spec, DataSpec data, ParameterVector start, int batches, long seed);

    /** Starts counting a long task of {@code total} units; the launcher shows done/total, rate and ETA. */
    Progress progress(String task, long total);

    /** Whether the run folder holds table {@code name}. */
    boolean hasTable(String name);

    /** Reads table {@code name} from the run folder; values come back as text. */
    Table readTable(String name) throws IOException;

    /** Writes {@code table} as {@code NAME.csv} in the run folder, atomically. */
    void writeTable(Table table) throws IOException;

    /**
     * Writes a file of the run folder atomically: {@code writer} writes to a temporary path, which is then renamed
     * to {@code fileName}.
     */
    void writeFile(String fileName, FileWriter writer) throws IOException;

    /** Writes one file to a path it is given. */
    @FunctionalInterface
    interface FileWriter {
        void writeTo(Path temporary) throws IOException;
    }
}
