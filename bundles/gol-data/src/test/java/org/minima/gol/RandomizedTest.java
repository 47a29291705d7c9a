package org.minima.gol;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.minima.api.data.BoardShape;
import org.minima.api.data.BoardStream;
import org.minima.api.data.Boards;
import org.minima.api.data.Boundary;
import org.minima.api.data.DataSpec;
import org.minima.api.data.Density;
import org.minima.api.data.Game;
import org.minima.api.data.Neighbourhood;
import org.minima.api.data.Rule;
import org.minima.testkit.Life;

/** Sampled boards run for several steps agree, at every step, with the naive implementation. */
class RandomizedTest {

    private static final int STEPS = 8;
    private static final int COUNT = 7;
    private static final GolDataset DATASET = new GolDataset();

    static Stream<Arguments> cases() {
        String[] sizes = {"1x1", "1x2", "2x3", "3x3", "5x5", "10x10", "3x70", "65x5", "1x64", "64x1", "4x63",
            "3x128", "6x129", "2x200"};
        return Stream.of(sizes).flatMap(size -> Stream.of(Neighbourhood.values()).flatMap(neighbourhood ->
                Stream.of(Boundary.values()).flatMap(boundary -> rules(neighbourhood).map(rule ->
                        Arguments.of(size, new Game(Rule.parse(rule), neighbourhood, boundary))))));
    }

    private static Stream<String> rules(Neighbourhood neighbourhood) {
        return neighbourhood == Neighbourhood.MOORE ? Stream.of("B3/S23", "B36/S23", "B0/S8")
                : Stream.of("B3/S23", "B1/S012");
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("cases")
    void everyStepMatchesTheReferenceGame(String size, Game game) {
        BoardShape shape = BoardShape.parse(size);
        DataSpec spec = new DataSpec(game, shape, new Density(0.2, 0.6), STEPS);
        Boards boards = DATASET.sample(spec, BoardStream.training(42), size.hashCode(), COUNT);
        float[] expected = boards.cells(0);
        for (int step = 1; step <= STEPS; step++) {
            expected = Life.run(game, shape, expected, 1);
            assertArrayEquals(expected, boards.cells(step), "step " + step);
        }
    }
}
