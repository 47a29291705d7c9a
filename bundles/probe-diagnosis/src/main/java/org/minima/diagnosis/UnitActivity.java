package org.minima.diagnosis;

import java.util.List;

import org.minima.api.OptionSpec;
import org.minima.api.OptionType;
import org.minima.api.Plugin;
import org.minima.api.Settings;
import org.minima.api.Table;
import org.minima.api.data.BoardStream;
import org.minima.api.data.Boards;
import org.minima.api.model.LayerParams;
import org.minima.api.model.Network;
import org.minima.api.model.ParameterLayout;
import org.minima.api.probe.LandscapeProbe;
import org.minima.api.run.RunContext;
import org.minima.api.train.TrainedModel;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.osgi.service.component.annotations.Component;

/**
 * Dead, always-on and saturated units, as the {@link LandscapeProbe} {@code unit-activity}: for every channel of
 * every layer of a trained model (the head included), on {@code boards} boards of the model's training data from the
 * probe stream {@code seed}, the share of cells where its value before the activation is above 0 (a ReLU passes it;
 * for the head: the cell is predicted alive), the share where its magnitude is at least {@code saturation}, and its
 * mean. A channel active on no cell is {@code dead} (it passes no gradient under ReLU), one active on every cell
 * {@code always-on} (a ReLU unit that is then linear), any other {@code live}. Table {@code unit_activity}: one row
 * per layer and channel, in the layout's order.
 */
@Component(service = LandscapeProbe.class, property = Plugin.NAME + "=" + UnitActivity.NAME)
public final class UnitActivity extends DiagnosisProbe {

    static final String NAME = "unit-activity";
    static final String TABLE = "unit_activity";
    static final List<String> COLUMNS = List.of("layer", "block", "channel", "activation", "active_share",
            "saturated_share", "mean", "state");
    static final String BOARDS = "boards";
    static final String SEED = "seed";
    static final String SATURATION = "saturation";
    /** Boards per forward pass: the pass holds every layer's values for all of them. */
    static final int CHUNK = 500;

    public UnitActivity() {
        super(NAME, TABLE, COLUMNS);
    }

    @Override
    public String description() {
        return "Dead, always-on and saturated units of each trained model on probe boards";
    }

    @Override
    public List<OptionSpec> options() {
        return List.of(
                OptionSpec.number(BOARDS, OptionType.INT, "1000", 1.0, 1_000_000.0,
                        "Boards at the model's training size, density and n the units are watched on."),
                OptionSpec.number(SEED, OptionType.LONG, "0", 0.0, null, "Seed of those boards, a probe stream."),
                OptionSpec.number(SATURATION, OptionType.DOUBLE, "10", 0.0, 1000.0,
                        "A value before the activation at least this large in magnitude counts as saturated "
                                + "(10: a sigmoid within 5e-5 of 0 or 1)."));
    }

    @Override
    public Table probe(TrainedModel trained, RunContext context) {
        Settings settings = context.settings();
        ParameterLayout layout = model(context).layout(trained.modelSpec());
        Network network = network(trained, context);
        Counts counts = new Counts(layout, settings.getDouble(SATURATION));
        int boards = settings.getInt(BOARDS);
        for (int chunk = 0; (long) chunk * CHUNK < boards; chunk++) {
            Boards sample = context.dataset().sample(trained.data(), BoardStream.probe(settings.getLong(SEED)), chunk,
                    Math.min(CHUNK, boards - chunk * CHUNK));
            counts.add(network.preActivations(sample.input()));
        }
        return counts.table();
    }

    /** Running counts per layer and channel. */
    private static final class Counts {

        private final ParameterLayout layout;
        private final double saturation;
        private final long[][] active;
        private final long[][] saturated;
        private final double[][] sums;
        private long cells;

        Counts(ParameterLayout layout, double saturation) {
            this.layout = layout;
            this.saturation = saturation;
            int layers = layout.layers().size();
            this.active = new long[layers][];
            this.saturated = new long[layers][];
            this.sums = new double[layers][];
            for (int i = 0; i < layers; i++) {
                int out = layout.layers().get(i).out();
                active[i] = new long[out];
                saturated[i] = new long[out];
                sums[i] = new double[out];
            }
        }

        /** Adds one batch's values, each layer's [B, out, H, W]. */
        void add(List<INDArray> layers) {
            long[] shape = layers.get(0).shape();
            int plane = (int) (shape[2] * shape[3]);
            for (int i = 0; i < layers.size(); i++) {
                float[] values = layers.get(i).dup('c').data().asFloat();
                int out = active[i].length;
                for (int index = 0; index < values.length; index++) {
                    int channel = index / plane % out;
                    float value = values[index];
                    active[i][channel] += value > 0 ? 1 : 0;
                    saturated[i][channel] += Math.abs(value) >= saturation ? 1 : 0;
                    sums[i][channel] += value;
                }
            }
            cells += shape[0] * plane;
        }

        Table table() {
            Table.Builder rows = Table.builder(TABLE, COLUMNS);
            for (int i = 0; i < active.length; i++) {
                LayerParams layer = layout.layers().get(i);
                for (int channel = 0; channel < active[i].length; channel++) {
                    long on = active[i][channel];
                    rows.row(layer.name(), layer.block(), channel, layer.activation().label(), (double) on / cells,
                            (double) saturated[i][channel] / cells, sums[i][channel] / cells, state(on));
                }
            }
            return rows.build();
        }

        private String state(long on) {
            return on == 0 ? "dead" : on == cells ? "always-on" : "live";
        }
    }
}
