package org.minima.gol;

import java.util.Objects;

import org.minima.api.Plugin;
import org.minima.api.data.Boards;
import org.minima.api.data.DataSpec;
import org.minima.api.data.Dataset;
import org.osgi.service.component.annotations.Component;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Random Game of Life boards and their futures, computed on bit-packed rows.
 *
 * <p>Batch k of seed s is drawn from a SplitMix64 stream that depends on (s, k) alone, so a batch is the same
 * whichever thread asks for it and in whatever order.
 */
@Component(service = Dataset.class, property = Plugin.NAME + "=gol")
public final class GolDataset implements Dataset {

    private static final Logger LOG = LoggerFactory.getLogger(GolDataset.class);

    @Override
    public String description() {
        return "Game of Life boards (any B/S rule, Moore or von Neumann, dead or toroidal edge) and their n-step"
                + " futures, bit-packed and deterministic per seed and batch";
    }

    /**
     * Accepts every spec the API's records accept: any rule, neighbourhood, boundary, board size, density and
     * number of steps. The one limit, count times cells within one Java array, depends on the count and is checked
     * by {@link #sample}.
     */
    @Override
    public void check(DataSpec spec) {
        Objects.requireNonNull(spec, "spec");
    }

    @Override
    public Boards sample(DataSpec spec, long seed, long batch, int count) {
        check(spec);
        Layout layout = new Layout(spec.shape(), count);
        long[] initial = RandomBoards.draw(layout, spec.density(), SplitMix.forBatch(seed, batch));
        if (LOG.isDebugEnabled()) {
            LOG.debug("{} boards of {}, seed {} batch {}", count, spec, seed, batch);
        }
        return PackedBoards.evolve(spec.game(), layout, initial, spec.steps());
    }
}
