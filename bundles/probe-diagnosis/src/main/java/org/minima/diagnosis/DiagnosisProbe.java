package org.minima.diagnosis;

import java.util.List;

import org.minima.api.model.Model;
import org.minima.api.model.Network;
import org.minima.api.probe.LandscapeProbe;
import org.minima.api.run.RunContext;
import org.minima.api.train.TrainedModel;

/** What the diagnosis probes share: a name, a table of fixed columns, and the trained model's own network. */
abstract class DiagnosisProbe implements LandscapeProbe {

    private final String name;
    private final String table;
    private final List<String> columns;

    DiagnosisProbe(String name, String table, List<String> columns) {
        this.name = name;
        this.table = table;
        this.columns = columns;
    }

    @Override
    public String table() {
        return table;
    }

    @Override
    public List<String> columns() {
        return columns;
    }

    /** The run's model service, which made {@code trained}. */
    Model model(RunContext context) {
        return context.model().orElseThrow(() -> new IllegalStateException(name
                + " examines trained models and needs key 'model'"));
    }

    /** A network with {@code trained}'s parameters, for this call only (networks are not thread-safe). */
    Network network(TrainedModel trained, RunContext context) {
        return model(context).network(trained.modelSpec(), trained.parameters());
    }
}
