package org.minima.walk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.minima.api.Table;
import org.minima.api.model.Activation;
import org.minima.api.model.ModelSpec;
import org.minima.api.model.ParameterLayout;
import org.minima.api.model.ParameterVector;
import org.minima.api.train.TrainedModel;
import org.minima.testkit.RandomParameters;

/** One block at a time to its exact weights, the others held at their trained values. */
class BlockWalkTest {

    private static final ModelSpec SPEC = new ModelSpec(2, 2, 1, Activation.RELU);
    private static final ParameterLayout LAYOUT = Fixtures.FIRNER.layout(SPEC);
    private static final ParameterVector EXACT = Fixtures.EXACT.construct("R", Fixtures.data(2).game(), LAYOUT, 2, 10);

    @TempDir
    Path folder;

    private Table walk(ParameterVector parameters) {
        TrainedModel model = new TrainedModel("m", "firner", "pytorch-default", SPEC, Fixtures.data(2), 3, parameters);
        return new BlockWalk().probe(model, Fixtures.context(folder, Fixtures.FIRNER, Optional.of(Fixtures.EXACT),
                Map.of("points", "4", "boards", "200", "construction", "R")).build());
    }

    @Test
    void fromTheExactSolutionEveryBlockWalkIsFlatAndRight() {
        Table rows = walk(EXACT);
        assertEquals(BlockWalk.BLOCK_COLUMNS, rows.columns());
        assertEquals(List.of("0", "1"), rows.distinct("block"));
        for (int row = 0; row < rows.rows().size(); row++) {
            assertEquals(0.0, rows.number(row, "l1_to_exact"), 0);
            assertEquals(0.0, rows.number(row, "barrier"), 0);
            assertEquals(1.0, rows.number(row, "board_exact"), 0);
        }
    }

    @Test
    void eachWalkMovesItsOwnBlockToTheAlignedExactWeightsAndNothingElse() {
        ParameterVector trained = RandomParameters.gaussian(LAYOUT, 0.3, 4);
        ParameterVector aligned = Alignment.align(LAYOUT, EXACT, trained);
        Table rows = walk(trained);
        for (int block = 0; block < 2; block++) {
            String name = String.valueOf(block);
            Table walk = rows.where("block", name::equals);
            assertEquals(5, walk.rows().size());
            ParameterVector end = trained.splice(aligned, LAYOUT.indicesOf(Set.of(block)));
            assertEquals(trained.l1Distance(end), walk.number(0, "l1_to_exact"), 1e-9,
                    "block " + block + " alone moves, to its aligned exact weights");
            assertTrue(walk.number(0, "l1_to_exact") > 0);
            assertEquals(0.0, walk.number(4, "l1_to_exact"), 0);
        }
    }
}
