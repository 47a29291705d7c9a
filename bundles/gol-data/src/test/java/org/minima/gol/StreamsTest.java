package org.minima.gol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.minima.api.data.BoardShape;
import org.minima.api.data.BoardStream;
import org.minima.api.data.BoardStream.Purpose;
import org.minima.api.data.DataSpec;
import org.minima.api.data.Density;
import org.minima.api.data.Game;
import org.minima.api.data.Neighbourhood;

/** Board streams of different purposes never share boards, and training streams are what they were. */
class StreamsTest {

    private static final GolDataset DATASET = new GolDataset();
    /** 256 cells: two independent random boards coincide with probability 2^-256, so equal boards mean one stream. */
    private static final DataSpec WIDE = new DataSpec(Game.conway(Neighbourhood.VON_NEUMANN), new BoardShape(16, 16),
            Density.fixed(0.5), 0);
    private static final int SEEDS = 21;
    private static final int TRAINING_BATCHES = 10_000;
    private static final int OTHER_BATCHES = 1_000;

    @Test
    void trainingEvaluationProbeAndAnalysisStreamsOfSeeds0To20ArePairwiseDisjoint() {
        Map<String, String> firstBoards = new HashMap<>();
        List<String> collisions = new ArrayList<>();
        for (long seed = 0; seed < SEEDS; seed++) {
            for (Purpose purpose : Purpose.values()) {
                int batches = purpose == Purpose.TRAINING ? TRAINING_BATCHES : OTHER_BATCHES;
                for (long batch = 0; batch < batches; batch++) {
                    String board = Arrays.toString(DATASET.sample(WIDE, new BoardStream(purpose, seed), batch, 1)
                            .cells(0));
                    String draw = purpose + " seed " + seed + " batch " + batch;
                    String earlier = firstBoards.putIfAbsent(board, draw);
                    if (earlier != null) {
                        collisions.add(draw + " repeats " + earlier);
                    }
                }
            }
        }
        assertEquals(List.of(), collisions);
        assertEquals(SEEDS * (TRAINING_BATCHES + 3 * OTHER_BATCHES), firstBoards.size());
    }

    /**
     * Training batch k is generator batch k of the model's seed, and evaluation sets and probe boards keep the
     * generator batches 2^40 and 2^41 they had before streams had purposes: earlier runs reproduce bit for bit.
     */
    @Test
    void purposesOwnSeparateRangesOfGeneratorBatchesAndTrainingKeepsItsOwn() {
        assertEquals(7, GolDataset.generatorBatch(Purpose.TRAINING, 7));
        assertEquals(1L << 40, GolDataset.generatorBatch(Purpose.EVALUATION, 0));
        assertEquals(1L << 41, GolDataset.generatorBatch(Purpose.PROBE, 0));
        assertEquals(3L << 40, GolDataset.generatorBatch(Purpose.ANALYSIS, 0));
        assertEquals((1L << 40) - 1, GolDataset.generatorBatch(Purpose.TRAINING, BoardStream.MAX_BATCH));
    }

    @Test
    void aBatchBeyondItsPurposesRangeIsRefused() {
        String message = assertThrows(IllegalArgumentException.class,
                () -> DATASET.sample(WIDE, BoardStream.training(1), BoardStream.MAX_BATCH + 1, 1)).getMessage();
        assertTrue(message.contains("outside 0.." + BoardStream.MAX_BATCH), message);
        assertThrows(IllegalArgumentException.class, () -> DATASET.sample(WIDE, BoardStream.probe(1), -1, 1));
    }
}
