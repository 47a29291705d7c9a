package org.minima.gol;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.LongStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.minima.api.data.BoardShape;
import org.minima.api.data.BoardStream;
import org.minima.api.data.Boundary;
import org.minima.api.data.DataSpec;
import org.minima.api.data.Density;
import org.minima.api.data.Game;
import org.minima.api.data.Neighbourhood;

/** Determinism and the statistics of the initial boards. */
class SamplingTest {

    private static final GolDataset DATASET = new GolDataset();
    private static final Game FIRNER = Game.conway(Neighbourhood.VON_NEUMANN);

    private static DataSpec spec(String shape, Density density, int steps) {
        return new DataSpec(FIRNER, BoardShape.parse(shape), density, steps);
    }

    @Test
    void sameSeedAndBatchGiveTheSameBoardsWhateverTheOrderOrThread() {
        DataSpec spec = spec("10x10", Density.fixed(0.5), 3);
        List<float[]> parallel = LongStream.range(0, 16).parallel()
                .mapToObj(batch -> DATASET.sample(spec, BoardStream.training(7), batch, 32))
                .map(boards -> boards.cells(3)).toList();
        for (int batch = 15; batch >= 0; batch--) {
            assertArrayEquals(DATASET.sample(spec, BoardStream.training(7), batch, 32).cells(3), parallel.get(batch));
        }
    }

    @Test
    void otherBatchesAndSeedsGiveOtherBoards() {
        DataSpec spec = spec("5x5", Density.fixed(0.5), 0);
        float[] base = DATASET.sample(spec, BoardStream.training(1), 0, 64).cells(0);
        assertFalse(Arrays.equals(base, DATASET.sample(spec, BoardStream.training(1), 1, 64).cells(0)));
        assertFalse(Arrays.equals(base, DATASET.sample(spec, BoardStream.training(2), 0, 64).cells(0)));
        assertFalse(Arrays.equals(base, DATASET.sample(spec, BoardStream.training(0), 1, 64).cells(0)));
    }

    @Test
    void initialBoardsDependOnlyOnShapeDensityStreamAndIndex() {
        Density density = new Density(0.1, 0.9);
        float[] first = DATASET.sample(spec("7x9", density, 0), BoardStream.training(3), 5, 4).cells(0);
        float[] more = DATASET.sample(spec("7x9", density, 6), BoardStream.training(3), 5, 10).cells(0);
        DataSpec torus = new DataSpec(new Game(FIRNER.rule(), Neighbourhood.MOORE, Boundary.TOROIDAL),
                BoardShape.parse("7x9"), density, 2);
        assertArrayEquals(first, Arrays.copyOf(more, first.length));
        assertArrayEquals(first, DATASET.sample(torus, BoardStream.training(3), 5, 4).cells(0));
    }

    @ParameterizedTest
    @ValueSource(doubles = {0.1, 0.38, 0.5, 0.9})
    void liveFractionMatchesTheDensity(double p) {
        for (String shape : List.of("10x10", "7x100")) {
            float[] cells = DATASET.sample(spec(shape, Density.fixed(p), 0), BoardStream.training(11), 0, 2000)
                    .cells(0);
            double mean = sum(cells, 0, cells.length) / cells.length;
            // Five standard errors of a mean of independent Bernoulli(p) cells.
            double tolerance = 5 * Math.sqrt(p * (1 - p) / cells.length);
            assertEquals(p, mean, tolerance, shape);
        }
    }

    @Test
    void neighbouringCellsAreIndependent() {
        double p = 0.38;
        int width = 100;
        float[] cells = DATASET.sample(spec("7x" + width, Density.fixed(p), 0), BoardStream.training(12), 0, 1000)
                .cells(0);
        long pairs = 0;
        long bothAlive = 0;
        for (int i = 0; i + 1 < cells.length; i++) {
            if (i % width != width - 1) {
                pairs++;
                bothAlive += (long) (cells[i] * cells[i + 1]);
            }
        }
        double q = p * p;
        assertEquals(q, (double) bothAlive / pairs, 5 * Math.sqrt(q * (1 - q) / pairs));
    }

    @Test
    void certainDensitiesAreExact() {
        float[] dead = DATASET.sample(spec("9x9", Density.fixed(0), 0), BoardStream.training(1), 0, 50).cells(0);
        float[] alive = DATASET.sample(spec("9x9", Density.fixed(1), 0), BoardStream.training(1), 0, 50).cells(0);
        assertEquals(0, sum(dead, 0, dead.length));
        assertEquals(alive.length, sum(alive, 0, alive.length));
    }

    @Test
    void rangeDensityIsDrawnPerBoardAcrossTheRange() {
        int boards = 400;
        int cells = 400;
        float[] all = DATASET.sample(spec("20x20", new Density(0.1, 0.9), 0), BoardStream.training(13), 0, boards)
                .cells(0);
        double[] fractions = IntStream.range(0, boards).mapToDouble(b -> sum(all, b * cells, cells) / cells).toArray();
        double mean = Arrays.stream(fractions).average().orElseThrow();
        double sd = Math.sqrt(Arrays.stream(fractions).map(f -> (f - mean) * (f - mean)).sum() / (boards - 1));
        // Uniform on [0.1, 0.9]: mean 0.5, sd 0.8 / sqrt(12) = 0.23; a fixed 0.5 would give sd 0.025.
        assertEquals(0.5, mean, 0.05);
        assertEquals(0.231, sd, 0.03);
        for (double low = 0.1; low < 0.85; low += 0.2) {
            double from = low;
            long inBin = Arrays.stream(fractions).filter(f -> f >= from && f < from + 0.2).count();
            assertTrue(inBin > boards * 0.15, "boards with density in [" + from + ", " + (from + 0.2) + "): " + inBin);
        }
    }

    private static double sum(float[] cells, int from, int length) {
        double total = 0;
        for (int i = from; i < from + length; i++) {
            total += cells[i];
        }
        return total;
    }
}
