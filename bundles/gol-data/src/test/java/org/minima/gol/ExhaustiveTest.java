package org.minima.gol;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.minima.api.data.BoardShape;
import org.minima.api.data.Boundary;
import org.minima.api.data.Game;
import org.minima.api.data.Neighbourhood;
import org.minima.api.data.Rule;
import org.minima.testkit.Life;

/** One step of every 3x3 neighbourhood, for both neighbourhoods, both edges and several rules. */
class ExhaustiveTest {

    private static final int PATTERNS = 512;
    private static final int CENTRE = 4;

    static Stream<Arguments> games() {
        Stream<Arguments> moore = Stream.of("B3/S23", "B36/S23", "B2/S", "B0/S8", "B1357/S02468", "B345678/S012345678")
                .map(rule -> Arguments.of(rule, Neighbourhood.MOORE));
        Stream<Arguments> vonNeumann = Stream.of("B3/S23", "B2/S", "B1/S012", "B0/S4", "B34/S1234", "B01234/S")
                .map(rule -> Arguments.of(rule, Neighbourhood.VON_NEUMANN));
        return Stream.concat(moore, vonNeumann);
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("games")
    void everyNeighbourhoodMatchesTheRule(String notation, Neighbourhood neighbourhood) {
        int[] cells = allPatterns();
        for (Boundary boundary : Boundary.values()) {
            Game game = new Game(Rule.parse(notation), neighbourhood, boundary);
            int[] next = Packed.ints(Packed.run(game, new BoardShape(3, 3), PATTERNS, cells, 1), 1);
            for (int pattern = 0; pattern < PATTERNS; pattern++) {
                String where = game.label() + " pattern " + Integer.toBinaryString(pattern);
                assertEquals(expectedCentre(game, pattern), next[pattern * 9 + CENTRE], where);
            }
            float[] reference = Life.run(game, new BoardShape(3, 3), floats(cells), 1);
            assertArrayEquals(reference, floats(next), game.label() + ": the reference Game of Life agrees");
        }
    }

    /** Board i holds pattern i: cell k (row-major) is bit k of i. */
    private static int[] allPatterns() {
        int[] cells = new int[PATTERNS * 9];
        for (int pattern = 0; pattern < PATTERNS; pattern++) {
            for (int k = 0; k < 9; k++) {
                cells[pattern * 9 + k] = pattern >> k & 1;
            }
        }
        return cells;
    }

    private static float[] floats(int[] cells) {
        float[] out = new float[cells.length];
        for (int i = 0; i < cells.length; i++) {
            out[i] = cells[i];
        }
        return out;
    }

    /** The centre's fate read straight from the 9-bit pattern, without any board geometry. */
    private static int expectedCentre(Game game, int pattern) {
        int[] mooreBits = {0, 1, 2, 3, 5, 6, 7, 8};
        int[] orthogonalBits = {1, 3, 5, 7};
        int[] bits = game.neighbourhood() == Neighbourhood.MOORE ? mooreBits : orthogonalBits;
        int n = 0;
        for (int bit : bits) {
            n += pattern >> bit & 1;
        }
        boolean alive = (pattern >> CENTRE & 1) == 1;
        return game.rule().next(alive, n) ? 1 : 0;
    }
}
