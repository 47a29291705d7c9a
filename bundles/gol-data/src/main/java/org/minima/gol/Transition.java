package org.minima.gol;

import java.util.ArrayList;
import java.util.List;

import org.minima.api.data.Rule;

/**
 * A birth/survival rule as bit-parallel logic over 64 cells at once.
 *
 * <p>The callers supply each row's horizontal three-cell sums (centre included) as two bit planes; adding them gives
 * T = N + alive as four count planes. Counting the centre lets every row's sum serve three output rows; the rule
 * then reads a dead cell's N as T and a live cell's N as T - 1. The next state is the OR, over the counts the rule
 * names, of "T equals t" restricted to dead cells, live cells or both.
 */
final class Transition {

    private final int[] anyCell;
    private final int[] liveOnly;
    private final int[] deadOnly;

    Transition(Rule rule) {
        List<Integer> any = new ArrayList<>();
        List<Integer> live = new ArrayList<>();
        List<Integer> dead = new ArrayList<>();
        for (int t = 0; t <= 9; t++) {
            boolean born = rule.birth().contains(t);
            boolean kept = rule.survival().contains(t - 1);
            if (born && kept) {
                any.add(t);
            } else if (kept) {
                live.add(t);
            } else if (born) {
                dead.add(t);
            }
        }
        anyCell = toArray(any);
        liveOnly = toArray(live);
        deadOnly = toArray(dead);
    }

    /** Low bit of the sum of three cells: west, centre and east neighbours in a row. */
    static long sumLo(long west, long centre, long east) {
        return west ^ centre ^ east;
    }

    /** High bit (the carry) of the same sum. */
    static long sumHi(long west, long centre, long east) {
        return (west & centre) | ((west ^ centre) & east);
    }

    /** Moore: the sums (lo, hi) of the rows above, at and below the cell. */
    long moore(long alive, long aLo, long aHi, long mLo, long mHi, long bLo, long bHi) {
        long x = aLo ^ mLo;
        long s0 = x ^ bLo;
        long twos = (aLo & mLo) | (x & bLo);
        long y = aHi ^ mHi;
        long d0 = y ^ bHi;
        long d1 = (aHi & mHi) | (y & bHi);
        long s1 = d0 ^ twos;
        long fours = d0 & twos;
        return next(alive, s0, s1, d1 ^ fours, d1 & fours);
    }

    /** Von Neumann: the sums (lo, hi) of the cell's own row plus the cells straight above and below. */
    long vonNeumann(long alive, long mLo, long mHi, long above, long below) {
        long x = mLo ^ above;
        long s0 = x ^ below;
        long twos = (mLo & above) | (x & below);
        return next(alive, s0, mHi ^ twos, mHi & twos, 0);
    }

    private long next(long alive, long s0, long s1, long s2, long s3) {
        return matches(anyCell, s0, s1, s2, s3)
                | (alive & matches(liveOnly, s0, s1, s2, s3))
                | (~alive & matches(deadOnly, s0, s1, s2, s3));
    }

    private static long matches(int[] totals, long s0, long s1, long s2, long s3) {
        long hit = 0;
        for (int t : totals) {
            // (t's bit - 1) is 0 where the plane must be 1 and all ones where it must be 0.
            hit |= (s0 ^ ((t & 1) - 1L)) & (s1 ^ ((t >> 1 & 1) - 1L))
                    & (s2 ^ ((t >> 2 & 1) - 1L)) & (s3 ^ ((t >> 3 & 1) - 1L));
        }
        return hit;
    }

    private static int[] toArray(List<Integer> totals) {
        return totals.stream().mapToInt(Integer::intValue).toArray();
    }
}
