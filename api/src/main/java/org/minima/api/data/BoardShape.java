package org.minima.api.data;

import java.util.Locale;

/**
 * Board height and width in cells.
 *
 * @param height rows, at least 1
 * @param width  columns, at least 1
 */
public record BoardShape(int height, int width) {

    public BoardShape {
        if (height < 1 || width < 1 || height > 4096 || width > 4096) {
            throw new IllegalArgumentException("board size " + height + "x" + width
                    + " is out of range: height and width must be 1..4096");
        }
    }

    /** Parses {@code HxW}, for example {@code 10x10}. */
    public static BoardShape parse(String text) {
        String[] parts = text.trim().toLowerCase(Locale.ROOT).split("x");
        try {
            if (parts.length == 2) {
                return new BoardShape(Integer.parseInt(parts[0].trim()), Integer.parseInt(parts[1].trim()));
            }
        } catch (NumberFormatException e) {
            // fall through to the message below
        }
        throw new IllegalArgumentException("board size '" + text + "' is not HEIGHTxWIDTH, for example 10x10");
    }

    /** Cells per board. */
    public int cells() {
        return height * width;
    }

    @Override
    public String toString() {
        return height + "x" + width;
    }
}
