package org.minima.walk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.minima.api.Table;
import org.minima.api.model.Activation;
import org.minima.api.model.ModelSpec;
import org.minima.api.model.ParameterLayout;
import org.minima.api.model.ParameterVector;
import org.minima.api.train.TrainedModel;
import org.minima.testkit.RandomParameters;

/** After alignment, a scrambled exact solution's filters are the solution's own; random ones are not. */
class FilterMatchTest {

    private static final ModelSpec SPEC = new ModelSpec(2, 3, 1, Activation.RELU);
    private static final ParameterLayout LAYOUT = Fixtures.FIRNER.layout(SPEC);

    @TempDir
    Path folder;

    private Table match(ParameterVector parameters) {
        TrainedModel model = new TrainedModel("m", "firner", "pytorch-default", SPEC, Fixtures.data(2), 3,
                parameters);
        FilterMatch probe = new FilterMatch();
        return probe.probe(model, Fixtures.context(folder, probe, Fixtures.FIRNER, Optional.of(Fixtures.EXACT),
                Map.of("construction", "R", "boards", "10")).build());
    }

    @Test
    void aScrambledExactSolutionMatchesEveryUsedFilterExactly() {
        ParameterVector exact = Fixtures.EXACT.construct("R", Fixtures.data(2).game(), LAYOUT, 2, 10);
        Table rows = match(AlignmentTest.scrambled(LAYOUT, exact, 11));
        assertEquals(FilterMatch.MATCH_COLUMNS, rows.columns());
        assertEquals(List.of("b0.conv3x3", "b1.conv3x3"), rows.distinct("layer"));
        assertEquals(2 * 6, rows.rows().size(), "two steps of 2m = 6 filters");
        int used = 0;
        for (int row = 0; row < rows.rows().size(); row++) {
            double cosine = rows.number(row, "cosine");
            if (rows.number(row, "exact_norm") > 0) {
                assertEquals(1, cosine, 1e-6, "row " + row);
                used++;
            } else {
                assertTrue(Double.isNaN(cosine), "an unused channel has no direction: row " + row);
            }
        }
        assertEquals(2 * 4, used, "R uses four filters a step");
    }

    @Test
    void randomFiltersAreNotTheSolutions() {
        Table rows = match(RandomParameters.gaussian(LAYOUT, 0.3, 5));
        for (int row = 0; row < rows.rows().size(); row++) {
            double cosine = rows.number(row, "cosine");
            assertTrue(Double.isNaN(cosine) || (cosine > -1 && cosine < 0.99), "row " + row + ": " + cosine);
        }
    }
}
