package org.minima.gol;

import java.util.Objects;

import org.minima.api.Plugin;
import org.minima.api.data.BoardStream;
import org.minima.api.data.Boards;
import org.minima.api.data.DataSpec;
import org.minima.api.data.Dataset;
import org.osgi.service.component.annotations.Component;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Random Game of Life boards and their futures, computed on bit-packed rows.
 *
 * <p>Batch k of a stream is drawn from a SplitMix64 generator that depends on the stream's seed and on
 * {@link #generatorBatch} alone, so a batch is the same whichever thread asks for it and in whatever order. Each
 * purpose owns its own range of 2^40 generator batches, so purposes never share boards.
 */
@Component(service = Dataset.class, property = Plugin.NAME + "=gol")
public final class GolDataset implements Dataset {

    private static final Logger LOG = LoggerFactory.getLogger(GolDataset.class);

    @Override
    public String description() {
        return "Game of Life boards (any B/S rule, Moore or von Neumann, dead or toroidal edge) and their n-step"
                + " futures, bit-packed, deterministic per stream and batch; streams of different purposes never share"
                + " boards";
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
    public Boards sample(DataSpec spec, BoardStream stream, long batch, int count) {
        check(spec);
        Layout layout = new Layout(spec.shape(), count);
        SplitMix generator = SplitMix.forBatch(stream.seed(), generatorBatch(stream.purpose(), batch));
        long[] initial = RandomBoards.draw(layout, spec.density(), generator);
        if (LOG.isDebugEnabled()) {
            LOG.debug("{} boards of {}, {} batch {}", count, spec, stream, batch);
        }
        return PackedBoards.evolve(spec.game(), layout, initial, spec.steps());
    }

    /**
     * The generator batch of {@code batch} in a stream of {@code purpose}: purpose p owns generator batches
     * p·2^40 .. p·2^40 + 2^40 − 1, in the order training, evaluation, probe, analysis. Training batch k is generator
     * batch k, and evaluation sets and probe boards keep the generator batches they had before streams had
     * purposes (2^40 and 2^41), so results of earlier runs stay reproducible.
     */
    static long generatorBatch(BoardStream.Purpose purpose, long batch) {
        return ((long) purpose.ordinal() << 40) + BoardStream.requireBatch(batch);
    }
}
