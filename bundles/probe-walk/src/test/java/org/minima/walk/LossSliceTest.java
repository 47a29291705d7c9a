package org.minima.walk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.minima.api.Table;
import org.minima.api.data.BoardStream;
import org.minima.api.data.Boards;
import org.minima.api.model.LayerParams;
import org.minima.api.model.ParameterLayout;
import org.minima.api.model.ParameterVector;
import org.minima.api.train.TrainedModel;

/** Slices are centred where they say, deterministic per seed, and their directions normalised per filter. */
class LossSliceTest {

    private static final int BOARDS = 100;

    @TempDir
    Path folder;

    private Table slice(TrainedModel model, Map<String, String> options) {
        LossSlice probe = new LossSlice();
        return probe.probe(model, Fixtures.context(folder, probe, Fixtures.FIRNER, Optional.of(Fixtures.EXACT),
                options).build());
    }

    @Test
    void aPlaneAroundEachCentreWhoseMiddleIsTheCentresOwnLoss() {
        TrainedModel model = Fixtures.firner(2);
        Table rows = slice(model, Map.of("points", "2", "boards", String.valueOf(BOARDS)));
        assertEquals(LossSlice.SLICE_COLUMNS, rows.columns());
        assertEquals(2 * 9, rows.rows().size(), "two centres, 3 x 3 points each");
        Boards boards = Fixtures.DATA.sample(model.data(), BoardStream.probe(0), 0, BOARDS);
        ParameterVector exact = Fixtures.EXACT.construct("R", model.data().game(),
                Fixtures.FIRNER.layout(model.modelSpec()), 1, 10);
        for (String centre : List.of("trained", "exact")) {
            Table middle = rows.where("centre", centre::equals).where("x", "0.0"::equals).where("y", "0.0"::equals);
            ParameterVector at = centre.equals("trained") ? model.parameters() : exact;
            double loss = Fixtures.FIRNER.network(model.modelSpec(), at).loss(boards.input(), boards.target());
            assertEquals(loss, middle.number(0, "loss"), 1e-12 * loss, centre);
        }
    }

    @Test
    void theSameSeedGivesTheSameSliceAndAnotherSeedAnother() {
        TrainedModel model = Fixtures.firner(1);
        Map<String, String> options = Map.of("points", "2", "boards", "50", "dimensions", "1");
        Table first = slice(model, options);
        assertEquals(2 * 3, first.rows().size(), "a line of 3 points around each centre");
        assertEquals(List.of("0.0"), first.distinct("y"));
        assertEquals(first.rows(), slice(model, options).rows());
        Table other = slice(model, Map.of("points", "2", "boards", "50", "dimensions", "1", "direction-seed", "9"));
        assertNotEquals(first.number(0, "loss"), other.number(0, "loss"));
        assertNotEquals(first.text(0, "direction_seed"), other.text(0, "direction_seed"));
    }

    @Test
    void everyFilterOfADirectionHasTheCentresNormAndBiasesStayStill() {
        TrainedModel model = Fixtures.firner(2);
        ParameterLayout layout = Fixtures.FIRNER.layout(model.modelSpec());
        float[] direction = Directions.filterNormalised(layout, model.parameters(), 5);
        for (LayerParams layer : layout.layers()) {
            for (int o = 0; o < layer.out(); o++) {
                double d = 0;
                double c = 0;
                for (int k = 0; k < layer.fanIn(); k++) {
                    int index = layer.weightOffset() + o * layer.fanIn() + k;
                    d += (double) direction[index] * direction[index];
                    c += (double) model.parameters().get(index) * model.parameters().get(index);
                }
                assertEquals(Math.sqrt(c), Math.sqrt(d), 1e-5 * Math.sqrt(c), layer.name() + " filter " + o);
                assertEquals(0f, direction[layer.biasIndex(o)], layer.name() + " bias " + o);
            }
        }
    }
}
