package org.minima.gol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.minima.gol.Packed.after;
import static org.minima.gol.Packed.text;

import org.junit.jupiter.api.Test;
import org.minima.api.data.Boundary;
import org.minima.api.data.Game;
import org.minima.api.data.Neighbourhood;
import org.minima.api.data.Rule;

/** B3/S23 counting only the four orthogonal neighbours (Firner's variant); expectations worked out by hand. */
class VonNeumannTest {

    private static final Game DEAD = new Game(Rule.CONWAY, Neighbourhood.VON_NEUMANN, Boundary.DEAD);
    private static final Game TORUS = new Game(Rule.CONWAY, Neighbourhood.VON_NEUMANN, Boundary.TOROIDAL);
    private static final Game MOORE = new Game(Rule.CONWAY, Neighbourhood.MOORE, Boundary.DEAD);

    @Test
    void diagonalsDoNotCount() {
        String[] corner = {"##.", "#..", "..."};
        // (0,0) has (0,1) and (1,0): 2, survives. (0,1) has only (0,0): 1, dies; (1,0) likewise.
        // (1,1) sees (0,1) and (1,0) but not the diagonal (0,0): 2, stays dead.
        assertEquals(text("#..", "...", "..."), after(DEAD, 1, corner));
        // With diagonals (1,1) has 3 and is born, (0,1) and (1,0) keep 2: a block.
        assertEquals(text("##.", "##.", "..."), after(MOORE, 1, corner));
    }

    @Test
    void threeOrthogonalNeighboursGiveBirth() {
        String[] arch = {".#.", "#.#", "..."};
        // (1,1) has (0,1), (1,0), (1,2): 3, born. Each live cell has no live orthogonal neighbour: dies.
        // (0,0) and (0,2) have 2 each; (2,x) have at most 0: stay dead.
        assertEquals(text("...", ".#.", "..."), after(DEAD, 1, arch));
        // The lone survivor has no neighbours at all.
        assertEquals(text("...", "...", "..."), after(DEAD, 2, arch));
    }

    @Test
    void plusDiesOfCrowdingAndIsolation() {
        String[] plus = {".#.", "###", ".#."};
        // The centre has 4 (dies), each arm only the centre: 1 (dies); each corner two arms: 2, stays dead.
        assertEquals(text("...", "...", "..."), after(DEAD, 1, plus));
    }

    @Test
    void tinyTorusCountsWrappedCellsOncePerOffset() {
        String[] row = {"#.#"};
        // Height 1: up and down are the cell itself. (0,0): up 1, down 1, west (0,2) 1, east (0,1) 0 -> 3, lives.
        // (0,1): up/down 0, west 1, east 1 -> 2, stays dead. (0,2): 1 + 1 + 0 + 1 = 3, lives.
        assertEquals(text("#.#"), after(TORUS, 1, row));
        // Dead edge: (0,0) and (0,2) have only (0,1) beside them, which is dead: both die.
        assertEquals(text("..."), after(DEAD, 1, row));
    }
}
