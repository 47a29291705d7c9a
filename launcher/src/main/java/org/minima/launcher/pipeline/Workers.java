package org.minima.launcher.pipeline;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs one task per model on a fixed number of threads, one model per thread. The first failure stops the rest:
 * {@link #failed()} turns true (long tasks check it and stop), queued tasks are cancelled, and the failure is
 * rethrown once every running task has ended, so no model is left half-written when the JVM exits. An interrupted
 * caller (serve mode's timeout) interrupts the running tasks too.
 */
final class Workers {

    /** One unit of work. */
    @FunctionalInterface
    interface Task<T> {
        void run(T item) throws Exception;
    }

    private static final long STOP_WAIT_SECONDS = 60;

    private final String name;
    private final int threads;
    private final AtomicBoolean failed = new AtomicBoolean();

    /** Workers named {@code name} (thread names), {@code configured} threads, 0 meaning one per core. */
    Workers(String name, int configured, int items) {
        this.name = name;
        int wanted = configured == 0 ? Runtime.getRuntime().availableProcessors() : configured;
        this.threads = Math.max(1, Math.min(wanted, items));
    }

    int threads() {
        return threads;
    }

    /** Whether a task has failed, so the others should stop. */
    boolean failed() {
        return failed.get();
    }

    /** Runs {@code task} on every item; rethrows the first failure. */
    <T> void run(List<T> items, Task<T> task) throws Exception {
        AtomicInteger threadNumber = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(threads, runnable -> {
            Thread thread = new Thread(runnable, "minima-" + name + "-" + threadNumber.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (T item : items) {
                futures.add(pool.submit(() -> {
                    try {
                        task.run(item);
                    } catch (Exception | Error e) {
                        failed.set(true);
                        throw e;
                    }
                    return null;
                }));
            }
            awaitAll(futures);
        } finally {
            pool.shutdown();
            pool.awaitTermination(STOP_WAIT_SECONDS, TimeUnit.SECONDS);
        }
    }

    private void awaitAll(List<Future<?>> futures) throws Exception {
        try {
            for (Future<?> future : futures) {
                future.get();
            }
        } catch (InterruptedException e) {
            failed.set(true);
            futures.forEach(f -> f.cancel(true));
            throw e;
        } catch (ExecutionException e) {
            failed.set(true);
            futures.forEach(f -> f.cancel(false));
            if (e.getCause() instanceof CancellationException cancelled) {
                throw cancelled;
            }
            throw e.getCause() instanceof Exception cause ? cause : e;
        }
    }
}
