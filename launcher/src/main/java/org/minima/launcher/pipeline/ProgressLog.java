package org.minima.launcher.pipeline;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import org.minima.api.Progress;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Logs a task's progress at INFO, at most once per interval: done/total, percentage, rate and ETA; on an interactive
 * console the same line updates in place instead ({@link ConsoleProgress}). Advancing checks the run's cancellation,
 * so long work stops promptly on Ctrl-C.
 */
public final class ProgressLog implements Progress {

    private static final Logger LOG = LoggerFactory.getLogger(ProgressLog.class);

    private final String task;
    private final long total;
    private final Cancellation cancellation;
    private final long intervalNanos;
    private final long start = System.nanoTime();
    private final AtomicLong done = new AtomicLong();
    private final AtomicLong lastLog = new AtomicLong(System.nanoTime());

    ProgressLog(String task, long total, Cancellation cancellation, Duration interval) {
        this.task = task;
        this.total = total;
        this.cancellation = cancellation;
        this.intervalNanos = interval.toNanos();
        LOG.info(ConsoleProgress.MARKER, "{}: 0/{}", task, total);
        ConsoleProgress.show(task + ": 0/" + total);
    }

    @Override
    public void advance(long units) {
        cancellation.check();
        long now = System.nanoTime();
        long count = done.addAndGet(units);
        long last = lastLog.get();
        if (now - last >= intervalNanos && lastLog.compareAndSet(last, now)) {
            String line = line(count, now);
            LOG.info(ConsoleProgress.MARKER, "{}", line);
            ConsoleProgress.show(line);
        }
    }

    @Override
    public void close() {
        double seconds = (System.nanoTime() - start) / 1e9;
        long count = done.get();
        ConsoleProgress.clear();
        LOG.info("{}: {}/{} {} {} ({}/s)", task, count, total, count < total ? "stopped after" : "done in",
                duration(seconds), rate(count / Math.max(seconds, 1e-9)));
    }

    /** The progress line for {@code count} units done at time {@code now}. */
    String line(long count, long now) {
        double seconds = Math.max((now - start) / 1e9, 1e-9);
        double rate = count / seconds;
        String eta = rate > 0 && total > count ? duration((total - count) / rate) : "0s";
        return String.format("%s: %d/%d (%.0f%%), %s/s, ETA %s", task, count, total,
                total == 0 ? 100.0 : 100.0 * count / total, rate(rate), eta);
    }

    static String rate(double perSecond) {
        if (perSecond >= 1e6) {
            return String.format("%.2fM", perSecond / 1e6);
        }
        if (perSecond >= 1e4) {
            return String.format("%.1fk", perSecond / 1e3);
        }
        return String.format(perSecond >= 100 ? "%.0f" : "%.2f", perSecond);
    }

    static String duration(double seconds) {
        long s = Math.round(seconds);
        if (s < 60) {
            return seconds < 10 ? String.format("%.1fs", seconds) : s + "s";
        }
        return s < 3600 ? String.format("%dm%02ds", s / 60, s % 60)
                : String.format("%dh%02dm", s / 3600, (s % 3600) / 60);
    }
}
