package org.minima.gol;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.minima.api.data.BoardShape;
import org.minima.api.data.BoardStream;
import org.minima.api.data.Boards;
import org.minima.api.data.DataSpec;
import org.minima.api.data.Density;
import org.minima.api.data.Game;
import org.minima.api.data.Neighbourhood;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/** The Boards accessors and the service's own surface. */
class BoardsTest {

    private static final GolDataset DATASET = new GolDataset();
    private static final DataSpec SPEC = new DataSpec(Game.conway(Neighbourhood.MOORE), new BoardShape(4, 6),
            Density.fixed(0.5), 3);

    @Test
    void reportsWhatWasAskedFor() {
        Boards boards = DATASET.sample(SPEC, BoardStream.training(1), 2, 5);
        assertEquals(SPEC.shape(), boards.shape());
        assertEquals(5, boards.count());
        assertEquals(3, boards.steps());
        assertEquals(5 * 4 * 6, boards.cells(0).length);
    }

    @Test
    void statesAreFloatArraysOfTheCells() {
        Boards boards = DATASET.sample(SPEC, BoardStream.training(1), 2, 5);
        for (int step = 0; step <= 3; step++) {
            INDArray state = boards.state(step);
            assertArrayEquals(new long[] {5, 1, 4, 6}, state.shape());
            assertEquals(DataType.FLOAT, state.dataType());
            assertEquals('c', state.ordering());
            assertArrayEquals(boards.cells(step), state.data().asFloat());
        }
        assertEquals(boards.state(0), boards.input());
        assertEquals(boards.state(3), boards.target());
    }

    @Test
    void cellsAreZeroOrOne() {
        for (float cell : DATASET.sample(SPEC, BoardStream.training(3), 0, 20).cells(2)) {
            assertTrue(cell == 0f || cell == 1f);
        }
    }

    @Test
    void everyAccessorReturnsAFreshArray() {
        Boards boards = DATASET.sample(SPEC, BoardStream.training(1), 2, 5);
        float[] first = boards.cells(1);
        float[] copy = first.clone();
        assertNotSame(first, boards.cells(1));
        java.util.Arrays.fill(first, 7f);
        assertArrayEquals(copy, boards.cells(1));
        INDArray input = boards.input();
        input.addi(1);
        assertFalse(input.equals(boards.input()));
    }

    @Test
    void stepsOutsideTheRunAreRejected() {
        Boards boards = DATASET.sample(SPEC, BoardStream.training(1), 2, 5);
        assertThrows(IndexOutOfBoundsException.class, () -> boards.cells(-1));
        assertThrows(IndexOutOfBoundsException.class, () -> boards.cells(4));
    }

    @Test
    void countsThatDoNotFitAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> DATASET.sample(SPEC, BoardStream.training(1), 0, 0));
        DataSpec huge = SPEC.withShape(new BoardShape(4096, 4096));
        assertThrows(IllegalArgumentException.class,
                () -> DATASET.sample(huge, BoardStream.training(1), 0, 200));
    }

    @Test
    void describesItselfInOneLineAndAcceptsEverySpec() {
        assertFalse(DATASET.description().isBlank());
        assertFalse(DATASET.description().contains("\n"));
        DATASET.check(SPEC.withShape(new BoardShape(4096, 1)).withSteps(10_000));
    }
}
