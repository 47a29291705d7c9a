package org.minima.diagnosis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.minima.api.Settings;
import org.minima.api.Table;
import org.minima.api.data.BoardShape;
import org.minima.api.data.BoardStream;
import org.minima.api.data.Boards;
import org.minima.api.data.DataSpec;
import org.minima.api.data.Density;
import org.minima.api.data.Game;
import org.minima.api.data.Neighbourhood;
import org.minima.api.model.Activation;
import org.minima.api.model.ModelSpec;
import org.minima.api.model.Network;
import org.minima.api.model.ParameterVector;
import org.minima.api.train.TrainedModel;
import org.minima.arch.FirnerModel;
import org.minima.exact.ExactSolutions;
import org.minima.gol.GolDataset;
import org.minima.testkit.Life;
import org.minima.testkit.RandomParameters;
import org.minima.testkit.TestRunContext;

/** The exact split by case: the rule's cases, their probabilities, and a total that is the sampled loss. */
class CaseLossTest {

    private static final FirnerModel FIRNER = new FirnerModel();
    private static final GolDataset DATA = new GolDataset();
    private static final CaseLoss PROBE = new CaseLoss();

    @TempDir
    Path folder;

    private static TrainedModel model(Game game, Density density, int steps, ParameterVector parameters) {
        ModelSpec spec = new ModelSpec(steps, 2, 1, Activation.RELU);
        return new TrainedModel("m", "firner", "pytorch-default", spec,
                new DataSpec(game, new BoardShape(6, 6), density, steps), 1, parameters);
    }

    private static ParameterVector random(int steps) {
        return RandomParameters.gaussian(FIRNER.layout(new ModelSpec(steps, 2, 1, Activation.RELU)), 0.5, 7);
    }

    private Table split(TrainedModel model) {
        return PROBE.probe(model, TestRunContext.in(folder).settings(Settings.of(PROBE.options(), Map.of()))
                .dataset(DATA).model(FIRNER).build());
    }

    @Test
    void everyPatternsCaseAgreesWithTheReferenceGame() {
        int[][][] patterns = Life.allPatterns();
        for (Neighbourhood neighbourhood : Neighbourhood.values()) {
            Game game = Game.conway(neighbourhood);
            for (int pattern = 0; pattern < patterns.length; pattern++) {
                boolean alive = Life.step(game, patterns[pattern])[2][2] == 1;
                assertEquals(alive, CaseLoss.caseOf(game, pattern).alive(), neighbourhood + " pattern " + pattern);
            }
        }
        assertEquals(GolCase.UNDER_POPULATION, CaseLoss.caseOf(Game.conway(Neighbourhood.MOORE), 0b10000));
        assertEquals(GolCase.OVER_POPULATION, CaseLoss.caseOf(Game.conway(Neighbourhood.MOORE), 0b11111));
    }

    @Test
    void theSharesAreTheCasesProbabilitiesAtHalfDensity() {
        Table rows = split(model(Game.conway(Neighbourhood.MOORE), Density.fixed(0.5), 1, random(1)));
        assertEquals(CaseLoss.COLUMNS, rows.columns());
        assertEquals(List.of("birth", "stays-dead", "survival", "under-population", "over-population", "all"),
                rows.distinct("case"));
        // half the cells are dead or alive; of 256 neighbourhoods, 56 have 3 live, 28 have 2, 9 fewer than 2
        double[] expected = {0.5 * 56 / 256, 0.5 - 0.5 * 56 / 256, 0.5 * 84 / 256, 0.5 * 9 / 256,
            0.5 * (256 - 84 - 9) / 256, 1};
        for (int row = 0; row < expected.length; row++) {
            assertEquals(expected[row], rows.number(row, "share"), 1e-12, rows.text(row, "case"));
        }
    }

    @Test
    void theCasesSumToTheWholeOneStepLossThatBoardsSample() {
        Game game = Game.conway(Neighbourhood.VON_NEUMANN);
        Density density = new Density(0.2, 0.8);
        TrainedModel model = model(game, density, 1, random(1));
        Table rows = split(model);
        double sum = 0;
        for (int row = 0; row < 5; row++) {
            sum += rows.number(row, "contribution");
        }
        assertEquals(1, rows.number(5, "share"), 1e-9, "the pattern weights of a density range sum to 1");
        assertEquals(rows.number(5, "contribution"), sum, 1e-12);
        double sampled = interiorLoss(model, 40_000);
        assertEquals(sampled, rows.number(5, "loss"), 0.02 * sampled, "exact vs sampled interior-cell loss");
    }

    @Test
    void theExactSolutionIsRightInEveryCaseAndTwoStepModelsGetNoRows() {
        Game game = Game.conway(Neighbourhood.MOORE);
        ModelSpec spec = new ModelSpec(1, 2, 1, Activation.RELU);
        ParameterVector exact = new ExactSolutions().construct("F", game, FIRNER.layout(spec), 1, 10);
        Table rows = split(model(game, Density.fixed(0.4), 1, exact));
        for (int row = 0; row < rows.rows().size(); row++) {
            assertEquals(1, rows.number(row, "right_share"), 1e-12, rows.text(row, "case"));
            assertTrue(rows.number(row, "loss") < 1e-3, rows.text(row, "case"));
        }
        assertEquals(0, split(model(game, Density.fixed(0.5), 2, random(2))).rows().size());
    }

    /** The mean binary cross-entropy of the interior cells of random 5×5 boards, from the network's output. */
    private static double interiorLoss(TrainedModel model, int boards) {
        DataSpec data = new DataSpec(model.data().game(), new BoardShape(5, 5), model.data().density(), 1);
        Boards sample = DATA.sample(data, BoardStream.probe(3), 0, boards);
        Network network = FIRNER.network(model.modelSpec(), model.parameters());
        float[] output = network.output(sample.input()).dup('c').data().asFloat();
        float[] target = sample.target().dup('c').data().asFloat();
        double sum = 0;
        int cells = 0;
        for (int board = 0; board < boards; board++) {
            for (int row = 1; row < 4; row++) {
                for (int col = 1; col < 4; col++) {
                    int i = board * 25 + row * 5 + col;
                    double p = Math.min(Math.max(output[i], 1e-7), 1 - 1e-7);
                    sum -= target[i] > 0.5 ? Math.log(p) : Math.log(1 - p);
                    cells++;
                }
            }
        }
        return sum / cells;
    }
}
