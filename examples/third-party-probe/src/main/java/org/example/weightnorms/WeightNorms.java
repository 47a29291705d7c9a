package org.example.weightnorms;

import java.util.List;

import org.minima.api.OptionSpec;
import org.minima.api.OptionType;
import org.minima.api.Plugin;
import org.minima.api.Table;
import org.minima.api.model.LayerParams;
import org.minima.api.model.ParameterLayout;
import org.minima.api.model.ParameterVector;
import org.minima.api.probe.LandscapeProbe;
import org.minima.api.run.RunContext;
import org.minima.api.train.TrainedModel;
import org.osgi.service.component.annotations.Component;

/**
 * How large each layer's weights are in a trained model, and how many are near zero: stuck networks often carry
 * layers whose weights all but vanished. One row per layer: its name, its weights' L2 norm and largest magnitude,
 * and the share of weights smaller in magnitude than option {@code threshold}.
 */
@Component(service = LandscapeProbe.class, property = Plugin.NAME + "=" + WeightNorms.NAME)
public final class WeightNorms implements LandscapeProbe {

    static final String NAME = "weight-norms";
    static final List<String> COLUMNS = List.of("layer", "weight_l2", "weight_max_abs", "near_zero_share");

    @Override
    public String description() {
        return "per layer: the weights' L2 norm, largest magnitude and share below a threshold";
    }

    @Override
    public List<OptionSpec> options() {
        return List.of(OptionSpec.number("threshold", OptionType.DOUBLE, "0.001", 0.0, null,
                "Weights smaller in magnitude than this count as near zero."));
    }

    @Override
    public String table() {
        return "weight_norms";
    }

    @Override
    public List<String> columns() {
        return COLUMNS;
    }

    @Override
    public Table probe(TrainedModel model, RunContext context) {
        ParameterLayout layout = context.model().orElseThrow().layout(model.modelSpec());
        return rows(layout, model.parameters(), context.settings().getDouble("threshold"));
    }

    /** The table for {@code parameters} laid out as {@code layout}. */
    static Table rows(ParameterLayout layout, ParameterVector parameters, double threshold) {
        Table.Builder table = Table.builder("weight_norms", COLUMNS);
        for (LayerParams layer : layout.layers()) {
            double squares = 0;
            double largest = 0;
            int small = 0;
            for (int i = layer.weightOffset(); i < layer.weightOffset() + layer.weightCount(); i++) {
                double weight = Math.abs(parameters.get(i));
                squares += weight * weight;
                largest = Math.max(largest, weight);
                small += weight < threshold ? 1 : 0;
            }
            table.row(layer.name(), Math.sqrt(squares), largest, (double) small / layer.weightCount());
        }
        return table.build();
    }
}
