package org.minima.api.train;

import java.util.Objects;

import org.minima.api.data.DataSpec;
import org.minima.api.model.ModelSpec;
import org.minima.api.model.ParameterVector;

/**
 * A finished model of a run, as analyses and probes receive it.
 *
 * @param id           identifier in its run, for example {@code von-neumann-dead-p0.5-n3-m2-pytorch-default-s7}
 * @param architecture name of the {@link org.minima.api.model.Model} service that built it
 * @param init         name of the {@link org.minima.api.init.Initializer} service that started it
 * @param modelSpec    the network
 * @param data         the boards it was trained on
 * @param seed         its seed
 * @param parameters   the trained parameters
 */
public record TrainedModel(String id, String architecture, String init, ModelSpec modelSpec, DataSpec data, long seed,
                           ParameterVector parameters) {

    public TrainedModel {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(architecture, "architecture");
        Objects.requireNonNull(init, "init");
        Objects.requireNonNull(modelSpec, "modelSpec");
        Objects.requireNonNull(data, "data");
        Objects.requireNonNull(parameters, "parameters");
    }
}
