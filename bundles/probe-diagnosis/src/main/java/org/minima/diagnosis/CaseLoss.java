package org.minima.diagnosis;

import java.util.List;

import org.minima.api.Plugin;
import org.minima.api.Table;
import org.minima.api.data.DataSpec;
import org.minima.api.data.Game;
import org.minima.api.probe.LandscapeProbe;
import org.minima.api.run.RunContext;
import org.minima.api.train.TrainedModel;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.osgi.service.component.annotations.Component;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A one-step model's loss split by what the rule does to a cell ({@link GolCase}), as the {@link LandscapeProbe}
 * {@code case-loss}, computed exactly rather than sampled: a one-step network's output at a cell depends only on the
 * 3×3 patch around it, so its expected loss at an interior cell is the sum over all 512 patches, each weighted by its
 * probability at the model's training density ({@link PatternWeights}), of the binary cross-entropy of its logit
 * against the rule's answer. Table {@code case_loss}: one row per case and a last row {@code all}, with {@code share}
 * (the probability of the case), {@code loss} (the mean loss of a cell in it), {@code contribution} (share × loss;
 * the cases' contributions sum to {@code all}'s, the whole expected one-step loss) and {@code right_share} (the
 * probability that the network rounds such a cell right). Models of more than one step get no rows.
 */
@Component(service = LandscapeProbe.class, property = Plugin.NAME + "=" + CaseLoss.NAME)
public final class CaseLoss extends DiagnosisProbe {

    static final String NAME = "case-loss";
    static final String TABLE = "case_loss";
    static final List<String> COLUMNS = List.of("case", "share", "loss", "contribution", "right_share");
    static final String ALL = "all";
    private static final int SIDE = 3;
    private static final int CELLS = SIDE * SIDE;
    private static final int CENTRE = CELLS / 2;
    private static final int PATTERNS = 1 << CELLS;

    private static final Logger LOG = LoggerFactory.getLogger(CaseLoss.class);

    public CaseLoss() {
        super(NAME, TABLE, COLUMNS);
    }

    @Override
    public String description() {
        return "A one-step model's exact expected loss split by Game of Life case (birth, survival, under- and"
                + " over-population, stays dead) over all 512 3x3 patterns";
    }

    @Override
    public Table probe(TrainedModel trained, RunContext context) {
        Table.Builder rows = Table.builder(TABLE, COLUMNS);
        if (trained.data().steps() != 1) {
            LOG.debug("{}: {} learns {} steps; the exact split is for one step", NAME, trained.id(),
                    trained.data().steps());
            return rows.build();
        }
        List<INDArray> layers = network(trained, context).preActivations(patterns());
        float[] logits = layers.get(layers.size() - 1).dup('c').data().asFloat();
        Split split = new Split();
        DataSpec data = trained.data();
        for (int pattern = 0; pattern < PATTERNS; pattern++) {
            split.add(caseOf(data.game(), pattern), PatternWeights.of(data.density(), Integer.bitCount(pattern),
                    CELLS), logits[pattern * CELLS + CENTRE]);
        }
        return split.table(rows);
    }

    /** Every 3×3 pattern as a board [512, 1, 3, 3]: cell k (row-major) of pattern i is bit k of i. */
    static INDArray patterns() {
        float[] cells = new float[PATTERNS * CELLS];
        for (int pattern = 0; pattern < PATTERNS; pattern++) {
            for (int cell = 0; cell < CELLS; cell++) {
                cells[pattern * CELLS + cell] = (pattern >> cell) & 1;
            }
        }
        return Nd4j.createFromArray(cells).reshape(PATTERNS, 1, SIDE, SIDE);
    }

    /** The case of the centre cell of {@code pattern} in {@code game}. */
    static GolCase caseOf(Game game, int pattern) {
        int live = 0;
        for (int cell = 0; cell < CELLS; cell++) {
            int dRow = cell / SIDE - 1;
            int dCol = cell % SIDE - 1;
            if (game.neighbourhood().contains(dRow, dCol) && ((pattern >> cell) & 1) == 1) {
                live++;
            }
        }
        return GolCase.of(game.rule(), ((pattern >> CENTRE) & 1) == 1, live);
    }

    /** Weighted sums per case. */
    private static final class Split {

        private final double[] share = new double[GolCase.values().length];
        private final double[] loss = new double[share.length];
        private final double[] right = new double[share.length];

        void add(GolCase golCase, double weight, double logit) {
            int index = golCase.ordinal();
            double target = golCase.alive() ? 1 : 0;
            // binary cross-entropy of sigmoid(logit), stable for large |logit|
            double bce = Math.max(logit, 0) - logit * target + Math.log1p(Math.exp(-Math.abs(logit)));
            share[index] += weight;
            loss[index] += weight * bce;
            right[index] += (logit >= 0) == golCase.alive() ? weight : 0;
        }

        Table table(Table.Builder rows) {
            double totalShare = 0;
            double totalLoss = 0;
            double totalRight = 0;
            for (GolCase golCase : GolCase.values()) {
                int i = golCase.ordinal();
                rows.row(golCase.label(), share[i], loss[i] / share[i], loss[i], right[i] / share[i]);
                totalShare += share[i];
                totalLoss += loss[i];
                totalRight += right[i];
            }
            rows.row(ALL, totalShare, totalLoss / totalShare, totalLoss, totalRight / totalShare);
            return rows.build();
        }
    }
}
