package org.minima.gol;

import org.minima.api.data.Boundary;
import org.minima.api.data.Game;
import org.minima.api.data.Neighbourhood;

/**
 * Steps boards wider than 64, one board per group and several words per row; column shifts carry one bit between
 * neighbouring words, and the row's ends take zero (dead boundary) or each other's edge bit (torus).
 */
final class WideStepper implements Stepper {

    private final Transition rule;
    private final boolean moore;
    private final boolean torus;
    private final int height;
    private final int words;
    private final int lastBit;
    private final long lastWordMask;
    private final int total;

    WideStepper(Game game, Layout layout) {
        rule = new Transition(game.rule());
        moore = game.neighbourhood() == Neighbourhood.MOORE;
        torus = game.boundary() == Boundary.TOROIDAL;
        height = layout.height;
        words = layout.wordsPerRow;
        lastBit = (layout.width - 1) & 63;
        lastWordMask = layout.lastWordMask();
        total = layout.wordsPerState();
    }

    @Override
    public void step(long[] src, long[] dst) {
        for (int base = 0; base < total; base += height * words) {
            for (int r = 0; r < height; r++) {
                for (int k = 0; k < words; k++) {
                    long next = moore ? moore(src, base, r, k) : vonNeumann(src, base, r, k);
                    // The west shift pushes the last column into the unused bits of the last word.
                    dst[base + r * words + k] = k == words - 1 ? next & lastWordMask : next;
                }
            }
        }
    }

    private long moore(long[] src, int base, int r, int k) {
        return rule.moore(word(src, base, r, k),
                lo(src, base, r - 1, k), hi(src, base, r - 1, k),
                lo(src, base, r, k), hi(src, base, r, k),
                lo(src, base, r + 1, k), hi(src, base, r + 1, k));
    }

    private long vonNeumann(long[] src, int base, int r, int k) {
        return rule.vonNeumann(word(src, base, r, k), lo(src, base, r, k), hi(src, base, r, k),
                word(src, base, r - 1, k), word(src, base, r + 1, k));
    }

    private long lo(long[] src, int base, int r, int k) {
        return Transition.sumLo(west(src, base, r, k), word(src, base, r, k), east(src, base, r, k));
    }

    private long hi(long[] src, int base, int r, int k) {
        return Transition.sumHi(west(src, base, r, k), word(src, base, r, k), east(src, base, r, k));
    }

    private long west(long[] src, int base, int r, int k) {
        long carry;
        if (k > 0) {
            carry = word(src, base, r, k - 1) >>> 63;
        } else {
            carry = torus ? word(src, base, r, words - 1) >>> lastBit & 1 : 0;
        }
        return word(src, base, r, k) << 1 | carry;
    }

    private long east(long[] src, int base, int r, int k) {
        long carry;
        if (k < words - 1) {
            carry = word(src, base, r, k + 1) << 63;
        } else {
            carry = torus ? (word(src, base, r, 0) & 1) << lastBit : 0;
        }
        return word(src, base, r, k) >>> 1 | carry;
    }

    /** Word k of row r, with rows beyond the edge dead or wrapped. */
    private long word(long[] src, int base, int r, int k) {
        if (r < 0 || r >= height) {
            if (!torus) {
                return 0;
            }
            r = (r + height) % height;
        }
        return src[base + r * words + k];
    }
}
