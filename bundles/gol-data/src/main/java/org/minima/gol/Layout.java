package org.minima.gol;

import org.minima.api.data.BoardShape;

/**
 * Where each cell of a batch lives in a packed state (a long[] of one bit per cell).
 *
 * <p>Boards up to 64 wide share words: {@code lanes = 64 / width} boards sit side by side, board {@code b} in lane
 * {@code b % lanes} of group {@code b / lanes}, so one word operation steps a row of several boards. Wider boards
 * take {@code ceil(width / 64)} words per row, one board per group. Word index: {@code (group * height + row) *
 * wordsPerRow + word}; bit {@code c % 64} of a word is column {@code c}, counted from the lane's start. Bits outside
 * the lanes and past a wide row's last column are always zero; lanes after the last board hold no board and
 * are never read.
 */
final class Layout {

    /** The largest Java array the float materialisation may need. */
    private static final long MAX_ARRAY = Integer.MAX_VALUE - 8;

    final int height;
    final int width;
    final int count;
    final int lanes;
    final int wordsPerRow;
    final int groups;

    Layout(BoardShape shape, int count) {
        if (count < 1) {
            throw new IllegalArgumentException("board count " + count + " must be at least 1");
        }
        if ((long) count * shape.cells() > MAX_ARRAY) {
            throw new IllegalArgumentException(count + " boards of " + shape
                    + " exceed the cells one Java array can hold (" + MAX_ARRAY + ")");
        }
        this.height = shape.height();
        this.width = shape.width();
        this.count = count;
        this.lanes = width <= 64 ? 64 / width : 1;
        this.wordsPerRow = (width + 63) / 64;
        this.groups = (count + lanes - 1) / lanes;
    }

    BoardShape shape() {
        return new BoardShape(height, width);
    }

    int wordsPerState() {
        return groups * height * wordsPerRow;
    }

    /** Words in one board's row-major bit string (cell (r, c) at bit r * width + c). */
    int wordsPerBoard() {
        return (int) (((long) height * width + 63) / 64);
    }

    /** Mask of the columns of one row in one word: the low {@code width} bits, or all for wide boards. */
    long rowMask() {
        return width >= 64 ? -1L : (1L << width) - 1;
    }

    /** Mask of the columns held by the last word of a wide row. */
    long lastWordMask() {
        int used = width - 64 * (wordsPerRow - 1);
        return used == 64 ? -1L : (1L << used) - 1;
    }

    /** Copies board {@code board}'s row-major bit string into {@code state}, whose lane must be zero. */
    void place(long[] state, int board, long[] bits) {
        if (wordsPerRow == 1) {
            int base = board / lanes * height;
            int shift = board % lanes * width;
            for (int r = 0; r < height; r++) {
                state[base + r] |= (extract(bits, (long) r * width) & rowMask()) << shift;
            }
            return;
        }
        int base = board * height * wordsPerRow;
        for (int r = 0; r < height; r++) {
            for (int k = 0; k < wordsPerRow; k++) {
                long word = extract(bits, (long) r * width + 64L * k);
                state[base + r * wordsPerRow + k] = k == wordsPerRow - 1 ? word & lastWordMask() : word;
            }
        }
    }

    /** Writes 1f for every live cell of {@code state} into {@code out}, laid out [board][row][column]. */
    void unpack(long[] state, float[] out) {
        for (int b = 0; b < count; b++) {
            int first = b * height * width;
            for (int r = 0; r < height; r++) {
                int rowStart = first + r * width;
                for (int k = 0; k < wordsPerRow; k++) {
                    mark(out, rowStart + 64 * k, cellsOf(state, b, r, k));
                }
            }
        }
    }

    private long cellsOf(long[] state, int board, int row, int word) {
        if (wordsPerRow == 1) {
            long group = state[board / lanes * height + row];
            return (group >>> (board % lanes * width)) & rowMask();
        }
        return state[(board * height + row) * wordsPerRow + word];
    }

    private static void mark(float[] out, int start, long cells) {
        for (long rest = cells; rest != 0; rest &= rest - 1) {
            out[start + Long.numberOfTrailingZeros(rest)] = 1f;
        }
    }

    /** The 64 bits of {@code bits} starting at bit {@code offset}; bits past the end read as zero. */
    private static long extract(long[] bits, long offset) {
        int i = (int) (offset >>> 6);
        int shift = (int) (offset & 63);
        long word = bits[i] >>> shift;
        if (shift != 0 && i + 1 < bits.length) {
            word |= bits[i + 1] << (64 - shift);
        }
        return word;
    }
}
