package org.minima.gol;

import org.minima.api.data.Boundary;
import org.minima.api.data.Game;
import org.minima.api.data.Neighbourhood;

/**
 * The Game of Life written the slow, obvious way: one cell at a time, counting neighbours with plain loops. It
 * shares nothing with the packed engine but the API's value types, so agreement between the two means something.
 */
final class Naive {

    private Naive() {
    }

    /** One step of {@code count} boards of {@code height x width}, cells row-major, 1 alive. */
    static int[] step(Game game, int count, int height, int width, int[] cells) {
        int[] next = new int[cells.length];
        for (int b = 0; b < count; b++) {
            int first = b * height * width;
            for (int r = 0; r < height; r++) {
                for (int c = 0; c < width; c++) {
                    int n = neighbours(game, height, width, cells, first, r, c);
                    boolean alive = cells[first + r * width + c] == 1;
                    boolean lives = alive ? game.rule().survival().contains(n) : game.rule().birth().contains(n);
                    next[first + r * width + c] = lives ? 1 : 0;
                }
            }
        }
        return next;
    }

    static int[] run(Game game, int count, int height, int width, int[] cells, int steps) {
        int[] state = cells;
        for (int i = 0; i < steps; i++) {
            state = step(game, count, height, width, state);
        }
        return state;
    }

    private static int neighbours(Game game, int height, int width, int[] cells, int first, int r, int c) {
        boolean moore = game.neighbourhood() == Neighbourhood.MOORE;
        boolean torus = game.boundary() == Boundary.TOROIDAL;
        int n = 0;
        for (int dr = -1; dr <= 1; dr++) {
            for (int dc = -1; dc <= 1; dc++) {
                boolean counted = moore ? dr != 0 || dc != 0 : Math.abs(dr) + Math.abs(dc) == 1;
                int rr = r + dr;
                int cc = c + dc;
                if (torus) {
                    // Each offset wraps on its own, so on a torus narrower than 3 one cell can count twice.
                    rr = Math.floorMod(rr, height);
                    cc = Math.floorMod(cc, width);
                }
                if (counted && rr >= 0 && rr < height && cc >= 0 && cc < width) {
                    n += cells[first + rr * width + cc];
                }
            }
        }
        return n;
    }
}
