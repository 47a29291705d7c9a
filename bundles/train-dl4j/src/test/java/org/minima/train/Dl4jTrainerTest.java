package org.minima.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.minima.api.InvalidOption;
import org.minima.api.model.Activation;
import org.minima.api.model.ModelSpec;
import org.minima.api.model.ParameterLayout;
import org.minima.api.run.Study;
import org.minima.api.train.CurvePoint;
import org.minima.api.train.Optimizer;
import org.minima.api.train.TrainingJob;
import org.minima.api.train.TrainingMonitor;
import org.minima.api.train.TrainingResult;
import org.minima.testkit.TestRunContext;

class Dl4jTrainerTest {

    private static final ModelSpec SPEC = new ModelSpec(1, 2, 1, Activation.RELU);
    private final Dl4jTrainer trainer = new Dl4jTrainer();

    @Test
    void dropoutOnDl4jsOwnNetworkIsRefusedBeforeAnyWork() {
        Study network = TestRunContext.in(Path.of("."))
                .settings(trainer, Map.of(Dl4jTrainer.ENGINE, Dl4jTrainer.NETWORK, Dl4jTrainer.DROPOUT, "0.4"))
                .build();
        InvalidOption e = assertThrows(InvalidOption.class, () -> trainer.check(network));
        assertEquals(Dl4jTrainer.DROPOUT, e.key());
        assertTrue(e.getMessage().contains("needs engine = fused"), e.getMessage());
        trainer.check(TestRunContext.in(Path.of(".")).settings(trainer, Map.of(Dl4jTrainer.DROPOUT, "0.4")).build());
    }

    @Test
    void trainingLowersTheLossAndRecordsACurvePointPerWindow() {
        TrainingJob job = Fixtures.job(Fixtures.FIRNER, SPEC, Optimizer.adam(0.02), 200, 1, Dl4jTrainer.FUSED);
        TrainingResult result = trainer.train(job, Fixtures.SILENT);
        List<CurvePoint> curve = result.curve();
        assertEquals(40, curve.size(), "one point per 5 batches");
        assertEquals(200, curve.get(curve.size() - 1).batch());
        assertTrue(curve.get(curve.size() - 1).loss() < 0.6 * curve.get(0).loss(),
                "loss fell from " + curve.get(0).loss() + " to " + curve.get(curve.size() - 1).loss());
        assertEquals(200L * 16, result.samples());
    }

    @Test
    void frozenBlocksComeOutBitIdenticalWhileTheOthersLearn() {
        ModelSpec twoSteps = new ModelSpec(2, 2, 1, Activation.RELU);
        TrainingJob job = Fixtures.job(Fixtures.FIRNER, twoSteps, Optimizer.adam(0.02), 30, 4, Dl4jTrainer.FUSED,
                Set.of(0));
        TrainingResult result = trainer.train(job, Fixtures.SILENT);
        ParameterLayout layout = Fixtures.FIRNER.layout(twoSteps);
        for (int i : layout.indicesOf(Set.of(0))) {
            assertEquals(Float.floatToIntBits(job.initial().get(i)), Float.floatToIntBits(result.parameters().get(i)),
                    "frozen parameter " + i);
        }
        int[] trainable = layout.indicesOf(Set.of(1));
        assertTrue(java.util.Arrays.stream(trainable).anyMatch(i -> job.initial().get(i) != result.parameters().get(i)),
                "block 1 trained");
    }

    @Test
    void theNetworkEngineRefusesToFreeze() {
        TrainingJob job = Fixtures.job(Fixtures.FIRNER, new ModelSpec(2, 1, 1, Activation.RELU), Optimizer.adam(0.02),
                2, 4, Dl4jTrainer.NETWORK, Set.of(1));
        String message = assertThrows(IllegalArgumentException.class, () -> trainer.train(job, Fixtures.SILENT))
                .getMessage();
        assertTrue(message.contains("engine = fused"), message);
    }

    @Test
    void aModelTrainedBesideOthersIsIdenticalToTheSameSeedTrainedAlone() throws Exception {
        TrainingResult alone = trainer.train(job(7), Fixtures.SILENT);
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            List<Future<TrainingResult>> results = new ArrayList<>();
            for (long seed : new long[] {8, 7, 9}) {
                results.add(pool.submit(() -> trainer.train(job(seed), Fixtures.SILENT)));
            }
            TrainingResult beside = results.get(1).get();
            assertEquals(alone.parameters(), beside.parameters(), "bit-identical parameters");
            assertEquals(alone.curve(), beside.curve());
            assertTrue(results.get(0).get().parameters().l1Distance(beside.parameters()) > 0,
                    "another seed trains another model");
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void bothEnginesTrainTheSameModelUnderSgd() {
        TrainingResult fused = trainer.train(Fixtures.job(Fixtures.FIRNER, SPEC, Optimizer.sgd(0.5), 20, 3,
                Dl4jTrainer.FUSED), Fixtures.SILENT);
        TrainingResult network = trainer.train(Fixtures.job(Fixtures.FIRNER, SPEC, Optimizer.sgd(0.5), 20, 3,
                Dl4jTrainer.NETWORK), Fixtures.SILENT);
        assertTrue(fused.parameters().l2Distance(network.parameters()) < 1e-4,
                "distance " + fused.parameters().l2Distance(network.parameters()));
    }

    @Test
    void stopsBetweenBatchesWhenCancelled() {
        TrainingMonitor cancelAfterTen = new TrainingMonitor() {
            private int done;

            @Override
            public void batchesDone(int batches) {
                done += batches;
            }

            @Override
            public boolean cancelled() {
                return done >= 10;
            }
        };
        assertThrows(CancellationException.class, () -> trainer.train(job(1), cancelAfterTen));
    }

    private static TrainingJob job(long seed) {
        return Fixtures.job(Fixtures.FIRNER, new ModelSpec(2, 2, 1, Activation.LEAKY_RELU), Optimizer.adam(0.01), 60,
                seed, Dl4jTrainer.FUSED);
    }
}
