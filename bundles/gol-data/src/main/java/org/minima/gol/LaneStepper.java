package org.minima.gol;

import org.minima.api.data.Boundary;
import org.minima.api.data.Game;
import org.minima.api.data.Neighbourhood;

/**
 * Steps boards up to 64 wide, several per word (see {@link Layout}). A shift by one column moves cells across lane
 * borders, so the column that enters each lane is masked off (dead boundary) or replaced by the lane's own far
 * column (torus).
 */
final class LaneStepper implements Stepper {

    private final Transition rule;
    private final boolean moore;
    private final boolean torus;
    private final int height;
    private final int width;
    private final int rows;
    private final long firstColumns;
    private final long lastColumns;
    private final long used;

    LaneStepper(Game game, Layout layout) {
        rule = new Transition(game.rule());
        moore = game.neighbourhood() == Neighbourhood.MOORE;
        torus = game.boundary() == Boundary.TOROIDAL;
        height = layout.height;
        width = layout.width;
        rows = layout.wordsPerState();
        long first = 0;
        long last = 0;
        long all = 0;
        for (int lane = 0; lane < layout.lanes; lane++) {
            first |= 1L << (lane * width);
            last |= 1L << (lane * width + width - 1);
            all |= layout.rowMask() << (lane * width);
        }
        firstColumns = first;
        lastColumns = last;
        used = all;
    }

    @Override
    public void step(long[] src, long[] dst) {
        for (int base = 0; base < rows; base += height) {
            if (moore) {
                mooreGroup(src, dst, base);
            } else {
                vonNeumannGroup(src, dst, base);
            }
        }
    }

    private void mooreGroup(long[] src, long[] dst, int base) {
        long above = row(src, base, -1);
        long mid = src[base];
        long aLo = lo(above);
        long aHi = hi(above);
        long mLo = lo(mid);
        long mHi = hi(mid);
        for (int r = 0; r < height; r++) {
            long below = row(src, base, r + 1);
            long bLo = lo(below);
            long bHi = hi(below);
            // The west shift and B0 births reach the unused high bits; the mask keeps them dead.
            dst[base + r] = rule.moore(mid, aLo, aHi, mLo, mHi, bLo, bHi) & used;
            aLo = mLo;
            aHi = mHi;
            mLo = bLo;
            mHi = bHi;
            mid = below;
        }
    }

    private void vonNeumannGroup(long[] src, long[] dst, int base) {
        long above = row(src, base, -1);
        long mid = src[base];
        for (int r = 0; r < height; r++) {
            long below = row(src, base, r + 1);
            dst[base + r] = rule.vonNeumann(mid, lo(mid), hi(mid), above, below) & used;
            above = mid;
            mid = below;
        }
    }

    private long row(long[] src, int base, int r) {
        if (r < 0) {
            return torus ? src[base + height - 1] : 0;
        }
        if (r >= height) {
            return torus ? src[base] : 0;
        }
        return src[base + r];
    }

    private long lo(long x) {
        return Transition.sumLo(west(x), x, east(x));
    }

    private long hi(long x) {
        return Transition.sumHi(west(x), x, east(x));
    }

    /** Each cell's western neighbour, moved onto the cell. */
    private long west(long x) {
        long shifted = (x << 1) & ~firstColumns;
        return torus ? shifted | ((x >>> (width - 1)) & firstColumns) : shifted;
    }

    /** Each cell's eastern neighbour, moved onto the cell. */
    private long east(long x) {
        long shifted = (x >>> 1) & ~lastColumns;
        return torus ? shifted | ((x << (width - 1)) & lastColumns) : shifted;
    }
}
