package org.minima.api.data;

import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A life-like birth/survival rule: a dead cell becomes alive when its live-neighbour count is in {@code birth}; a live
 * cell stays alive when the count is in {@code survival}. Conway's rule is {@code B3/S23}.
 *
 * @param birth    live-neighbour counts (0..8) that bring a dead cell to life
 * @param survival live-neighbour counts (0..8) that keep a live cell alive
 */
public record Rule(Set<Integer> birth, Set<Integer> survival) {

    private static final Pattern NOTATION = Pattern.compile("B([0-8]*)/S([0-8]*)");

    /** Conway's Game of Life. */
    public static final Rule CONWAY = parse("B3/S23");

    public Rule {
        birth = Set.copyOf(new TreeSet<>(birth));
        survival = Set.copyOf(new TreeSet<>(survival));
        for (int count : union(birth, survival)) {
            if (count < 0 || count > 8) {
                throw new IllegalArgumentException("neighbour count " + count + " is outside 0..8");
            }
        }
    }

    /** Parses {@code B<digits>/S<digits>}, for example {@code B3/S23} or {@code B36/S23}. */
    public static Rule parse(String notation) {
        Matcher m = NOTATION.matcher(notation.trim().toUpperCase(Locale.ROOT));
        if (!m.matches()) {
            throw new IllegalArgumentException("rule '" + notation
                    + "' is not in B/S notation: expected B<digits 0-8>/S<digits 0-8>, for example B3/S23");
        }
        return new Rule(digits(m.group(1)), digits(m.group(2)));
    }

    /** Whether a cell that is {@code alive} now, with {@code liveNeighbours}, is alive at the next step. */
    public boolean next(boolean alive, int liveNeighbours) {
        return alive ? survival.contains(liveNeighbours) : birth.contains(liveNeighbours);
    }

    /** The largest neighbour count the rule mentions, or -1 when it mentions none. */
    public int maxCount() {
        return union(birth, survival).stream().mapToInt(Integer::intValue).max().orElse(-1);
    }

    @Override
    public String toString() {
        return "B" + join(birth) + "/S" + join(survival);
    }

    private static Set<Integer> digits(String text) {
        return text.chars().map(c -> c - '0').boxed().collect(Collectors.toSet());
    }

    private static String join(Set<Integer> counts) {
        return new TreeSet<>(counts).stream().map(String::valueOf).collect(Collectors.joining());
    }

    private static Set<Integer> union(Set<Integer> a, Set<Integer> b) {
        Set<Integer> all = new TreeSet<>(a);
        all.addAll(b);
        return all;
    }
}
