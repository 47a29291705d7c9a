package org.minima.api.train;

import java.util.Objects;
import java.util.Set;

import org.minima.api.Settings;
import org.minima.api.data.DataSpec;
import org.minima.api.data.Dataset;
import org.minima.api.model.Model;
import org.minima.api.model.ModelSpec;
import org.minima.api.model.ParameterVector;

/**
 * Everything needed to train one model. Batch k of the job draws
 * {@code dataset.sample(data, BoardStream.training(seed), k, batchSize)}.
 *
 * @param id           the model's identifier in its run, for example
 *                     {@code von-neumann-dead-p0.5-n3-m2-pytorch-default-s7}
 * @param model        the architecture
 * @param modelSpec    the network to train
 * @param dataset      the board source
 * @param data         training boards and step count
 * @param training     the protocol
 * @param seed         seed of the training stream (the model's seed; its initializer drew from it too)
 * @param initial      starting parameters, from the model's {@link org.minima.api.init.Initializer}
 * @param frozenBlocks step blocks whose parameters must come out of training bit-identical (empty for plain
 *                     training)
 * @param options      the trainer's own options (its {@link org.minima.api.Plugin#options()}), resolved
 */
public record TrainingJob(String id, Model model, ModelSpec modelSpec, Dataset dataset, DataSpec data,
                          TrainingSpec training, long seed, ParameterVector initial, Set<Integer> frozenBlocks,
                          Settings options) {

    public TrainingJob {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(modelSpec, "modelSpec");
        Objects.requireNonNull(dataset, "dataset");
        Objects.requireNonNull(data, "data");
        Objects.requireNonNull(training, "training");
        Objects.requireNonNull(initial, "initial");
        Objects.requireNonNull(options, "options");
        frozenBlocks = Set.copyOf(frozenBlocks);
    }
}
