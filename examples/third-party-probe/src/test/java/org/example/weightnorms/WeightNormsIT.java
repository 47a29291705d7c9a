package org.example.weightnorms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.minima.api.Table;
import org.minima.testkit.framework.MinimaFramework;

/** The packaged bundle in a real Minima: deployed, bound by name, run on four trained models. */
class WeightNormsIT {

    @RegisterExtension
    static final MinimaFramework MINIMA = MinimaFramework.withProjectBundle();

    @Test
    void oneRowPerLayerOfEveryTrainedModel() throws Exception {
        MinimaFramework.Result result = MINIMA.probe("weight-norms", "weight-norms.threshold=0.01");
        assertEquals(0, result.exitCode(), result.output());
        Table table = result.table("weight_norms");
        assertEquals(4, table.distinct("model").size(), "the kit's run trains four models");
        assertEquals(4 * 3, table.rows().size(), "a one-step Firner network has three layers");
        for (int row = 0; row < table.rows().size(); row++) {
            assertTrue(table.number(row, "weight_l2") > 0, "trained weights are not all zero");
        }
        String provenance = Files.readString(result.runFolder().resolve("provenance.json"));
        assertTrue(provenance.contains("\"bundle\" : \"org.example.weightnorms\"")
                || provenance.contains("\"bundle\": \"org.example.weightnorms\""), provenance);
    }
}
