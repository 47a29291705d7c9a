package org.minima.gol;

import org.minima.api.data.BoardShape;
import org.minima.api.data.Boards;
import org.minima.api.data.Game;

/** Feeds hand-made boards to the packed engine and reads them back, for tests. */
final class Packed {

    private Packed() {
    }

    /** Runs {@code count} boards given as row-major 0/1 cells through the engine. */
    static Boards run(Game game, BoardShape shape, int count, int[] cells, int steps) {
        Layout layout = new Layout(shape, count);
        long[] state = new long[layout.wordsPerState()];
        int n = shape.cells();
        for (int b = 0; b < count; b++) {
            long[] bits = new long[layout.wordsPerBoard()];
            for (int i = 0; i < n; i++) {
                if (cells[b * n + i] == 1) {
                    bits[i >> 6] |= 1L << (i & 63);
                }
            }
            layout.place(state, b, bits);
        }
        return PackedBoards.evolve(game, layout, state, steps);
    }

    /** One board drawn as text rows, '#' alive and '.' dead. */
    static int[] board(String... rows) {
        int width = rows[0].length();
        int[] cells = new int[rows.length * width];
        for (int r = 0; r < rows.length; r++) {
            for (int c = 0; c < width; c++) {
                cells[r * width + c] = rows[r].charAt(c) == '#' ? 1 : 0;
            }
        }
        return cells;
    }

    static BoardShape shapeOf(String... rows) {
        return new BoardShape(rows.length, rows[0].length());
    }

    /** The boards after {@code step} steps as 0/1 ints. */
    static int[] ints(Boards boards, int step) {
        float[] cells = boards.cells(step);
        int[] out = new int[cells.length];
        for (int i = 0; i < cells.length; i++) {
            out[i] = (int) cells[i];
        }
        return out;
    }

    /** Runs one text board and returns it after {@code steps} steps, as text rows for readable failures. */
    static String after(Game game, int steps, String... rows) {
        Boards boards = run(game, shapeOf(rows), 1, board(rows), steps);
        return text(ints(boards, steps), rows[0].length());
    }

    static String text(int[] cells, int width) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < cells.length; i++) {
            out.append(cells[i] == 1 ? '#' : '.');
            if (i % width == width - 1 && i < cells.length - 1) {
                out.append('\n');
            }
        }
        return out.toString();
    }

    static String text(String... rows) {
        return String.join("\n", rows);
    }
}
