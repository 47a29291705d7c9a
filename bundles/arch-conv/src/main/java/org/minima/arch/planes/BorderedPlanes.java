package org.minima.arch.planes;

import java.util.Arrays;

/**
 * The layout of a tile of boards of one shape as planes of bordered boards: board b of the tile occupies cells
 * {@code b·boardCells .. (b + 1)·boardCells} of every plane, row by row with pitch {@code width + 2}, its interior
 * one cell in from each side. The border holds the padding of a "same" 3×3 convolution: zeros, or under circular
 * padding (a toroidal game) the cells of the opposite edge. Tap t = 3·dr + dc of a cell is the cell at row offset
 * dr − 1 and column offset dc − 1, a shift of the flat index by {@link #tapOffset(int)}.
 *
 * <p>Loops here read and write at equal indices, or copy with {@code System.arraycopy}, which the JIT compiles to
 * vector code; a loop reading one array at a shifted index while writing another is not vectorised.
 */
public final class BorderedPlanes {

    /** Taps of a 3×3 kernel. */
    public static final int TAPS = 9;

    private final int height;
    private final int width;
    private final int pitch;
    private final int boardCells;
    private final int boards;
    private final int[] tapOffsets = new int[TAPS];

    /** Planes for boards of {@code height} × {@code width}, as many to a tile as fit {@code tileCells} (at least 1). */
    public BorderedPlanes(int height, int width, int tileCells) {
        this.height = height;
        this.width = width;
        this.pitch = width + 2;
        this.boardCells = (height + 2) * pitch;
        this.boards = Math.max(1, tileCells / boardCells);
        for (int dr = 0; dr < 3; dr++) {
            for (int dc = 0; dc < 3; dc++) {
                tapOffsets[dr * 3 + dc] = (dr - 1) * pitch + dc - 1;
            }
        }
    }

    public int height() {
        return height;
    }

    public int width() {
        return width;
    }

    /** Cells of one bordered board. */
    public int boardCells() {
        return boardCells;
    }

    /** Boards in a full tile. */
    public int boards() {
        return boards;
    }

    /** Cells of a full tile's plane. */
    public int tileCells() {
        return boards * boardCells;
    }

    /** The flat index shift of tap {@code t}. */
    public int tapOffset(int t) {
        return tapOffsets[t];
    }

    /**
     * Writes boards {@code first .. first + count} of {@code cells} (board by board, row by row), each cell plus
     * {@code shift}, into the interior of {@code plane}'s first {@code count} boards.
     */
    public void load(float[] cells, int first, int count, float shift, float[] plane) {
        for (int b = 0; b < count; b++) {
            for (int r = 0; r < height; r++) {
                int to = b * boardCells + (r + 1) * pitch + 1;
                int from = ((first + b) * height + r) * width;
                for (int c = 0; c < width; c++) {
                    plane[to + c] = cells[from + c] + shift;
                }
            }
        }
    }

    /** Copies the interior of {@code plane}'s first {@code count} boards into boards {@code first..} of {@code into}. */
    public void unload(float[] plane, float[] into, int first, int count) {
        for (int b = 0; b < count; b++) {
            for (int r = 0; r < height; r++) {
                System.arraycopy(plane, b * boardCells + (r + 1) * pitch + 1, into, ((first + b) * height + r) * width,
                        width);
            }
        }
    }

    /** A plane of {@code count} boards holding 1 at interior cells and 0 on the border. */
    public float[] interior(int count) {
        float[] plane = new float[count * boardCells];
        for (int b = 0; b < count; b++) {
            for (int r = 1; r <= height; r++) {
                int start = b * boardCells + r * pitch + 1;
                Arrays.fill(plane, start, start + width, 1f);
            }
        }
        return plane;
    }

    /**
     * Pads the first {@code cells} cells of {@code channels} planes, then writes nine shifted copies of each into
     * {@code into}, in the weights' order (channel, dr, dc): copy t holds at every cell the input at tap t. Cells whose
     * source would fall outside the planes keep their value: they lie on the border of the first or last board.
     */
    public void taps(float[][] planes, int channels, int cells, boolean circular, float[][] into) {
        for (int c = 0; c < channels; c++) {
            pad(planes[c], cells, circular);
            for (int t = 0; t < TAPS; t++) {
                int offset = tapOffsets[t];
                int from = Math.max(0, -offset);
                int to = Math.min(cells, cells - offset);
                System.arraycopy(planes[c], from + offset, into[c * TAPS + t], from, to - from);
            }
        }
    }

    /**
     * The transpose of {@link #taps}: from the gradient of every tap copy, the gradient of {@code channels} input
     * planes, each the sum of its nine copies' gradients shifted back; a circular border's gradient is then folded
     * onto the edge it was copied from, and the border set to zero (the padding is a constant). {@code scratch} is a
     * plane of at least {@code cells} cells.
     */
    public void untaps(float[][] tapGradients, int channels, int cells, boolean circular, float[][] into,
                       float[] scratch) {
        for (int c = 0; c < channels; c++) {
            float[] sum = into[c];
            Arrays.fill(sum, 0, cells, 0f);
            for (int t = 0; t < TAPS; t++) {
                int offset = tapOffsets[t];
                int from = Math.max(0, offset);
                int to = Math.min(cells, cells + offset);
                System.arraycopy(tapGradients[c * TAPS + t], from - offset, scratch, from, to - from);
                Arrays.fill(scratch, 0, from, 0f);
                Arrays.fill(scratch, to, cells, 0f);
                add(scratch, sum, cells);
            }
            for (int start = 0; start < cells; start += boardCells) {
                if (circular) {
                    fold(sum, start);
                }
                zeroBorder(sum, start);
            }
        }
    }

    private static void add(float[] from, float[] into, int cells) {
        for (int p = 0; p < cells; p++) {
            into[p] += from[p];
        }
    }

    /** Sets the border of every board in the first {@code cells} cells of {@code plane}: zeros, or wrapped. */
    private void pad(float[] plane, int cells, boolean circular) {
        for (int start = 0; start < cells; start += boardCells) {
            if (circular) {
                wrap(plane, start);
            } else {
                zeroBorder(plane, start);
            }
        }
    }

    private void zeroBorder(float[] plane, int start) {
        Arrays.fill(plane, start, start + pitch, 0f);
        Arrays.fill(plane, start + (height + 1) * pitch, start + boardCells, 0f);
        for (int r = 1; r <= height; r++) {
            plane[start + r * pitch] = 0f;
            plane[start + r * pitch + width + 1] = 0f;
        }
    }

    /** Rows over the interior columns first, then whole columns, so the corners get the diagonally opposite cells. */
    private void wrap(float[] plane, int start) {
        System.arraycopy(plane, start + height * pitch + 1, plane, start + 1, width);
        System.arraycopy(plane, start + pitch + 1, plane, start + (height + 1) * pitch + 1, width);
        for (int r = 0; r < height + 2; r++) {
            int row = start + r * pitch;
            plane[row] = plane[row + width];
            plane[row + width + 1] = plane[row + 1];
        }
    }

    /** The transpose of {@link #wrap}: each border cell's gradient added onto its source, columns first, then rows. */
    private void fold(float[] plane, int start) {
        for (int r = 0; r < height + 2; r++) {
            int row = start + r * pitch;
            plane[row + width] += plane[row];
            plane[row + 1] += plane[row + width + 1];
        }
        int top = start + 1;
        int bottom = start + (height + 1) * pitch + 1;
        for (int c = 0; c < width; c++) {
            plane[start + height * pitch + 1 + c] += plane[top + c];
            plane[start + pitch + 1 + c] += plane[bottom + c];
        }
    }
}
