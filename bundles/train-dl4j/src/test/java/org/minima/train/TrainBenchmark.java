package org.minima.train;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;

import org.minima.api.data.BoardStream;
import org.minima.api.data.DataSpec;
import org.minima.api.model.Activation;
import org.minima.api.model.ModelSpec;
import org.minima.api.model.ParameterVector;
import org.minima.api.train.Optimizer;
import org.minima.api.train.TrainingJob;

/**
 * Training throughput (samples/s) of Minima's trainer, as the launcher runs it: fresh boards from the gol dataset
 * every batch, one model per thread. Prints one RESULT line per (engine, n, m, threads) for bench/run.sh.
 *
 * <p>Arguments: {@code seconds=10 configs=1,1;3,1;3,10 engines=planes,fused,network threads=1,2 batch=128 size=10
 * activations=relu} (or {@code leaky-relu}, or both).
 */
public final class TrainBenchmark {

    private TrainBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Arguments a = new Arguments(args);
        for (String engine : a.list("engines", "planes,fused,network")) {
            for (String config : a.list("configs", "1,1;3,1;3,10", ";")) {
                String[] nm = config.split(",");
                for (String activation : a.list("activations", "relu")) {
                    for (String threads : a.list("threads", "1,2")) {
                        ModelSpec spec = new ModelSpec(Integer.parseInt(nm[0].trim()), Integer.parseInt(nm[1].trim()),
                                1, Activation.parse(activation));
                        measure(engine, spec, Integer.parseInt(threads), a);
                    }
                }
            }
        }
    }

    private static void measure(String engine, ModelSpec spec, int threads, Arguments a) throws Exception {
        double seconds = Double.parseDouble(a.get("seconds", "10"));
        int batch = Integer.parseInt(a.get("batch", "128"));
        int size = Integer.parseInt(a.get("size", "10"));
        double[] perThread = new double[threads];
        CountDownLatch start = new CountDownLatch(1);
        List<Thread> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int index = t;
            Thread worker = new Thread(() -> perThread[index] = run(engine, spec, batch, size, seconds, index, start));
            workers.add(worker);
            worker.start();
        }
        start.countDown();
        for (Thread worker : workers) {
            worker.join();
        }
        double total = Arrays.stream(perThread).sum();
        System.out.printf(Locale.ROOT, "RESULT framework=minima engine=%s n=%d m=%d activation=%s batch=%d size=%d "
                + "threads=%d samples_per_s=%.1f per_thread=%s%n", engine, spec.steps(), spec.width(),
                spec.activation().label(), batch, size, threads, total,
                Arrays.toString(Arrays.stream(perThread).map(Math::rint).toArray()));
    }

    /** Median samples/s over five timed windows after a warm-up, data generation included. */
    private static double run(String engine, ModelSpec spec, int batch, int size, double seconds, long seed,
                              CountDownLatch start) {
        DataSpec data = Fixtures.data(spec.steps(), size);
        ParameterVector initial = Fixtures.initial(Fixtures.FIRNER, spec, seed);
        TrainingJob job = new TrainingJob("bench", Fixtures.FIRNER, spec, Fixtures.DATA, data,
                new org.minima.api.train.TrainingSpec(Optimizer.adam(1e-3), 1, batch, 1), seed, initial,
                java.util.Set.of(), Fixtures.options(engine));
        Engine trainer = Dl4jTrainer.engine(job);
        try {
            start.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 0;
        }
        long k = 0;
        long warmEnd = System.nanoTime() + 2_000_000_000L;
        while (System.nanoTime() < warmEnd) {
            trainer.step(Fixtures.DATA.sample(data, BoardStream.training(seed), k++, batch), false);
        }
        double[] windows = new double[5];
        for (int w = 0; w < windows.length; w++) {
            long begin = System.nanoTime();
            long end = begin + (long) (seconds / windows.length * 1e9);
            long batches = 0;
            while (System.nanoTime() < end) {
                trainer.step(Fixtures.DATA.sample(data, BoardStream.training(seed), k++, batch), false);
                batches++;
            }
            windows[w] = batches * batch / ((System.nanoTime() - begin) / 1e9);
        }
        Arrays.sort(windows);
        return windows[windows.length / 2];
    }

    /** {@code key=value} arguments with defaults. */
    private record Arguments(String[] args) {
        String get(String key, String fallback) {
            return Arrays.stream(args).filter(s -> s.startsWith(key + "=")).map(s -> s.substring(key.length() + 1))
                    .findFirst().orElse(fallback);
        }

        List<String> list(String key, String fallback) {
            return list(key, fallback, ",");
        }

        List<String> list(String key, String fallback, String separator) {
            return List.of(get(key, fallback).split(separator));
        }
    }
}
