package org.minima.launcher.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.CancellationException;

import org.junit.jupiter.api.Test;

class ProgressLogTest {

    @Test
    void aLineShowsDoneTotalRateAndEta() {
        ProgressLog progress = new ProgressLog("training", 1000, new Cancellation(), Duration.ofHours(1));
        String line = progress.line(250, System.nanoTime() + 5_000_000_000L);
        assertTrue(line.startsWith("training: 250/1000 (25%), "), line);
        assertTrue(line.matches(".*, (49\\.\\d\\d|50\\.\\d\\d)/s, ETA 1[45]s"), line);
    }

    @Test
    void advancingAfterAStopRequestThrows() {
        Cancellation cancellation = new Cancellation();
        ProgressLog progress = new ProgressLog("x", 10, cancellation, Duration.ofHours(1));
        progress.advance(1);
        cancellation.request();
        assertThrows(CancellationException.class, () -> progress.advance(1));
    }

    @Test
    void formatsRatesAndDurationsForPeople() {
        assertEquals("12.3k", ProgressLog.rate(12_345));
        assertEquals("1.50M", ProgressLog.rate(1_500_000));
        assertEquals("2m05s", ProgressLog.duration(125));
        assertEquals("1h01m", ProgressLog.duration(3660));
    }
}
