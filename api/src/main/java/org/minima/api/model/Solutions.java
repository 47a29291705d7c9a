package org.minima.api.model;

import java.util.List;

import org.minima.api.Plugin;
import org.minima.api.data.Game;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * Known exact solutions ("the global minimum"): writes a named construction into any {@link ParameterLayout} whose
 * form can hold it, with unused channels zero. Stateless and thread-safe.
 */
@ConsumerType
public interface Solutions extends Plugin {

    /** The constructions offered, for example {@code F}, {@code S}, {@code S8}, {@code R}. */
    List<String> constructions();

    /** The head margin |logit| used when the caller has no preference. */
    double defaultMargin(String construction);

    /**
     * Exact-solution parameters for {@code steps} steps of {@code game} in {@code layout}: rounded outputs equal the
     * GoL target for every board, in a network padded as the game's boundary needs ({@link Padding#of}: the same
     * weights are exact with zero padding on dead boards and with circular padding on toroidal ones, since each
     * cell's step reads only its 3×3 neighbourhood). The first {@code steps} blocks compute a step each; further
     * blocks (depth factor d &gt; 1) pass the board through.
     *
     * @param steps  GoL steps n, from 1 to the layout's number of blocks
     * @param margin the head's logit magnitude at a cell, positive
     * @throws IllegalArgumentException naming the reason when the construction does not fit the layout or game
     */
    ParameterVector construct(String construction, Game game, ParameterLayout layout, int steps, double margin);
}
