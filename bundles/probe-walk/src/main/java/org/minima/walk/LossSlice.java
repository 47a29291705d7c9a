package org.minima.walk;

import java.util.List;

import org.minima.api.OptionSpec;
import org.minima.api.OptionType;
import org.minima.api.Plugin;
import org.minima.api.Settings;
import org.minima.api.Table;
import org.minima.api.model.ParameterLayout;
import org.minima.api.model.ParameterVector;
import org.minima.api.probe.LandscapeProbe;
import org.minima.api.train.TrainedModel;
import org.osgi.service.component.annotations.Component;

/**
 * Random-direction slices of the loss (Li et al. 2018), as the {@link LandscapeProbe} {@code loss-slice}: around the
 * trained model and around the exact end point of the walks, the loss and board-exact share on the walks' boards at
 * θ = centre + x·d₁ (+ y·d₂) for a grid of x (and y) in [−range, range], along Gaussian directions normalised per
 * filter ({@link Directions}). The directions are drawn from option {@code direction-seed} and the model's seed,
 * afresh for each centre, and recorded. Table {@code loss_slice}: one row per centre and grid point.
 */
@Component(service = LandscapeProbe.class, property = Plugin.NAME + "=" + LossSlice.NAME)
public final class LossSlice extends WalkProbe {

    static final String NAME = "loss-slice";
    static final String TABLE = "loss_slice";
    static final List<String> SLICE_COLUMNS = List.of("centre", "x", "y", "loss", "board_exact", "direction_seed",
            "construction", "margin", "polish");
    static final String RANGE = "range";
    static final String DIMENSIONS = "dimensions";
    static final String DIRECTION_SEED = "direction-seed";

    /** Grid steps per axis by default: a plane of 21 × 21 points around each centre costs 17 walks of 50. */
    static final int SLICE_POINTS = 20;

    public LossSlice() {
        super(NAME, TABLE, SLICE_POINTS);
    }

    @Override
    public String description() {
        return "Loss on 1-D or 2-D slices along random filter-normalised directions around each trained model and"
                + " around the exact solution (Li et al. 2018)";
    }

    @Override
    List<OptionSpec> ownOptions() {
        return List.of(
                OptionSpec.number(RANGE, OptionType.DOUBLE, "1", 1e-6, 1000.0,
                        "Half-width of the slice in units of the direction (1: one filter norm)."),
                OptionSpec.number(DIMENSIONS, OptionType.INT, "2", 1.0, 2.0,
                        "1: a line along one direction; 2: a plane along two (points + 1 squared rows)."),
                OptionSpec.number(DIRECTION_SEED, OptionType.LONG, "0", 0.0, null,
                        "Seed of the directions, combined with the model's seed."));
    }

    @Override
    public List<String> columns() {
        return SLICE_COLUMNS;
    }

    @Override
    void walk(TrainedModel trained, ParameterLayout layout, Endpoint end, Walker walker, Table.Builder rows) {
        Settings settings = walker.settings();
        double range = settings.getDouble(RANGE);
        boolean plane = settings.getInt(DIMENSIONS) == 2;
        int points = walker.points();
        List<ParameterVector> centres = List.of(trained.parameters(), end.parameters());
        List<String> names = List.of("trained", "exact");
        for (int c = 0; c < centres.size(); c++) {
            ParameterVector centre = centres.get(c);
            long seed = settings.getLong(DIRECTION_SEED) * 1_000_003L + trained.seed() * 2 + c;
            float[] first = Directions.filterNormalised(layout, centre, seed);
            float[] second = Directions.filterNormalised(layout, centre, ~seed);
            for (int i = 0; i <= points; i++) {
                for (int j = 0; j <= (plane ? points : 0); j++) {
                    double x = -range + 2 * range * i / points;
                    double y = plane ? -range + 2 * range * j / points : 0;
                    EvaluationSet.Measures measures = walker.measure(Directions.at(centre, first, second, x, y));
                    rows.row(names.get(c), x, y, measures.loss(), measures.boardExact(), seed, end.construction(),
                            end.margin(), end.polish());
                }
            }
        }
    }
}
