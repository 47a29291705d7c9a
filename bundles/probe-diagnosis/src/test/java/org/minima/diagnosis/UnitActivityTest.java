package org.minima.diagnosis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.minima.api.Settings;
import org.minima.api.Table;
import org.minima.api.data.BoardShape;
import org.minima.api.data.BoardStream;
import org.minima.api.data.DataSpec;
import org.minima.api.data.Density;
import org.minima.api.data.Game;
import org.minima.api.data.Neighbourhood;
import org.minima.api.model.Activation;
import org.minima.api.model.LayerParams;
import org.minima.api.model.ModelSpec;
import org.minima.api.model.ParameterLayout;
import org.minima.api.model.ParameterVector;
import org.minima.api.train.TrainedModel;
import org.minima.arch.FirnerModel;
import org.minima.exact.ExactSolutions;
import org.minima.gol.GolDataset;
import org.minima.testkit.RandomParameters;
import org.minima.testkit.TestRunContext;

/** Units that never fire are dead, units that always fire always-on; the head's activity is what it predicts. */
class UnitActivityTest {

    private static final FirnerModel FIRNER = new FirnerModel();
    private static final GolDataset DATA = new GolDataset();
    private static final UnitActivity PROBE = new UnitActivity();
    private static final ModelSpec SPEC = new ModelSpec(1, 2, 1, Activation.RELU);
    private static final DataSpec BOARDS = new DataSpec(Game.conway(Neighbourhood.MOORE), new BoardShape(8, 8),
            Density.fixed(0.5), 1);

    @TempDir
    Path folder;

    private Table activity(ParameterVector parameters) {
        TrainedModel model = new TrainedModel("m", "firner", "pytorch-default", SPEC, BOARDS, 1, parameters);
        return PROBE.probe(model, TestRunContext.in(folder)
                .settings(Settings.of(PROBE.options(), Map.of("boards", "700"))).dataset(DATA).model(FIRNER).build());
    }

    @Test
    void aUnitBiasedFarBelowZeroIsDeadAndOneFarAboveIsAlwaysOnAndSaturated() {
        ParameterLayout layout = FIRNER.layout(SPEC);
        float[] values = RandomParameters.gaussian(layout, 0.3, 4).toArray();
        LayerParams first = layout.layers().get(0);
        values[first.biasIndex(0)] = -100;
        values[first.biasIndex(1)] = 100;
        Table rows = activity(ParameterVector.of(values));
        assertEquals(UnitActivity.COLUMNS, rows.columns());
        assertEquals(layout.layers().stream().mapToInt(LayerParams::out).sum(), rows.rows().size());
        assertEquals(first.name(), rows.text(0, "layer"));
        assertEquals("dead", rows.text(0, "state"));
        assertEquals(0, rows.number(0, "active_share"));
        assertEquals("always-on", rows.text(1, "state"));
        assertEquals(1, rows.number(1, "saturated_share"));
        assertTrue(rows.number(1, "mean") > 90);
        assertTrue(rows.number(2, "active_share") > 0 && rows.number(2, "active_share") < 1, "a random unit is live");
    }

    @Test
    void theExactSolutionsHeadIsActiveExactlyOnTheCellsThatLive() {
        ParameterVector exact = new ExactSolutions().construct("F", BOARDS.game(), FIRNER.layout(SPEC), 1, 10);
        Table rows = activity(exact);
        int head = rows.rows().size() - 1;
        assertEquals("sigmoid", rows.text(head, "activation"));
        float[] targets = DATA.sample(BOARDS, BoardStream.probe(0), 0, 500).target().dup('c').data().asFloat();
        float[] more = DATA.sample(BOARDS, BoardStream.probe(0), 1, 200).target().dup('c').data().asFloat();
        double live = 0;
        for (float t : targets) {
            live += t;
        }
        for (float t : more) {
            live += t;
        }
        assertEquals(live / (targets.length + more.length), rows.number(head, "active_share"), 1e-12);
    }
}
