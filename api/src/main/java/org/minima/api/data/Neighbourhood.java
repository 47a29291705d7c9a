package org.minima.api.data;

import java.util.List;
import java.util.Locale;

/** Which cells count as a cell's neighbours. */
public enum Neighbourhood {
    /** The eight surrounding cells (Conway's game; Springer &amp; Kenyon). */
    MOORE(List.of(new int[] {-1, -1}, new int[] {-1, 0}, new int[] {-1, 1}, new int[] {0, -1},
            new int[] {0, 1}, new int[] {1, -1}, new int[] {1, 0}, new int[] {1, 1})),
    /** The four orthogonal cells; diagonals do not count (Firner's variant). */
    VON_NEUMANN(List.of(new int[] {-1, 0}, new int[] {0, -1}, new int[] {0, 1}, new int[] {1, 0}));

    private final List<int[]> offsets;

    Neighbourhood(List<int[]> offsets) {
        this.offsets = offsets;
    }

    /** Number of neighbours: 8 or 4. */
    public int size() {
        return offsets.size();
    }

    /** Whether the cell at (dRow, dCol) from the centre is a neighbour; the centre itself is not. */
    public boolean contains(int dRow, int dCol) {
        return offsets.stream().anyMatch(o -> o[0] == dRow && o[1] == dCol);
    }

    /** The name used in profiles and tables: {@code moore} or {@code von-neumann}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** Parses {@link #label()}; throws {@link IllegalArgumentException} listing the allowed labels. */
    public static Neighbourhood parse(String label) {
        for (Neighbourhood n : values()) {
            if (n.label().equals(label.trim())) {
                return n;
            }
        }
        throw new IllegalArgumentException("unknown neighbourhood '" + label + "'; allowed: moore, von-neumann");
    }
}
