package org.minima.gol;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.ToIntFunction;

import org.minima.api.data.BoardShape;
import org.minima.api.data.BoardStream;
import org.minima.api.data.Boards;
import org.minima.api.data.DataSpec;
import org.minima.api.data.Density;
import org.minima.api.data.Game;
import org.minima.api.data.Neighbourhood;

/**
 * Boards per second on one thread, in batches of 128 at density 0.5: drawing and stepping the packed boards, and the
 * same plus the input and target INDArrays a trainer reads. Prints a Markdown table; each figure is the median of
 * several timed rounds after warm-up rounds.
 */
public final class GolDataBenchmark {

    private static final int BATCH = 128;
    private static final int WARMUP_ROUNDS = 3;
    private static final int TIMED_ROUNDS = 7;
    private static final long ROUND_NANOS = 500_000_000L;

    private static long sink;

    private GolDataBenchmark() {
    }

    public static void main(String[] args) {
        GolDataset dataset = new GolDataset();
        List<DataSpec> cases = List.of(
                spec(Neighbourhood.MOORE, "10x10", 1),
                spec(Neighbourhood.MOORE, "10x10", 20),
                spec(Neighbourhood.MOORE, "5x5", 20),
                spec(Neighbourhood.VON_NEUMANN, "10x10", 1),
                spec(Neighbourhood.VON_NEUMANN, "10x10", 20),
                spec(Neighbourhood.VON_NEUMANN, "5x5", 20));
        System.out.printf("Java %s, %d processors; batch %d, density 0.5, median of %d rounds of %.1f s%n%n",
                Runtime.version(), Runtime.getRuntime().availableProcessors(), BATCH, TIMED_ROUNDS,
                ROUND_NANOS / 1e9);
        System.out.println("| game | board | n | packed boards/s | with input+target INDArrays boards/s |");
        System.out.println("|---|---|---:|---:|---:|");
        for (DataSpec spec : cases) {
            double packed = median(dataset, spec, boards -> boards.count());
            double arrays = median(dataset, spec, boards -> (int) (boards.input().getFloat(0)
                    + boards.target().getFloat(0)));
            System.out.printf(Locale.ROOT, "| %s | %s | %d | %,.0f | %,.0f |%n", spec.game().label(), spec.shape(),
                    spec.steps(), packed, arrays);
        }
        System.out.println();
        System.out.println("(checksum " + sink + ")");
    }

    private static DataSpec spec(Neighbourhood neighbourhood, String shape, int steps) {
        return new DataSpec(Game.conway(neighbourhood), BoardShape.parse(shape), Density.fixed(0.5), steps);
    }

    private static double median(GolDataset dataset, DataSpec spec, ToIntFunction<Boards> consume) {
        for (int i = 0; i < WARMUP_ROUNDS; i++) {
            round(dataset, spec, consume);
        }
        double[] rates = new double[TIMED_ROUNDS];
        for (int i = 0; i < TIMED_ROUNDS; i++) {
            rates[i] = round(dataset, spec, consume);
        }
        Arrays.sort(rates);
        return rates[TIMED_ROUNDS / 2];
    }

    /** Boards per second over one round of whole batches. */
    private static double round(GolDataset dataset, DataSpec spec, ToIntFunction<Boards> consume) {
        long start = System.nanoTime();
        long batches = 0;
        long elapsed;
        do {
            sink += consume.applyAsInt(dataset.sample(spec, BoardStream.training(1), batches, BATCH));
            batches++;
            elapsed = System.nanoTime() - start;
        } while (elapsed < ROUND_NANOS);
        return batches * BATCH / (elapsed / 1e9);
    }
}
