package org.minima.walk;

import java.util.List;

import org.minima.api.Plugin;
import org.minima.api.Table;
import org.minima.api.model.ParameterLayout;
import org.minima.api.model.ParameterVector;
import org.minima.api.probe.LandscapeProbe;
import org.minima.api.train.TrainedModel;
import org.osgi.service.component.annotations.Component;

/**
 * The symmetry-aligned walk (REFERENCE.md section 6), as the {@link LandscapeProbe} {@code aligned-walk}: before
 * walking, the end point is moved along the network's symmetries (hidden-channel permutations, power-of-two
 * rescalings of ReLU and LeakyReLU units; {@link Alignment}) to the copy nearest the trained model, which computes
 * the same function. A barrier that disappears here but not on the straight walk was an artefact of symmetry, not a
 * wall in the landscape. Table {@code aligned_walk}: the walk's columns, plus {@code straight_barrier} and
 * {@code straight_l1}, the barrier and the distance at α = 0 of the unaligned walk to the same end point, side by
 * side on every row.
 */
@Component(service = LandscapeProbe.class, property = Plugin.NAME + "=" + AlignedWalk.NAME)
public final class AlignedWalk extends WalkProbe {

    static final String NAME = "aligned-walk";
    static final String TABLE = "aligned_walk";
    static final List<String> ALIGNED_COLUMNS = withAfterBarrier("straight_barrier", "straight_l1");

    public AlignedWalk() {
        super(NAME, TABLE);
    }

    @Override
    public String description() {
        return "Loss along the straight line from each trained model to the exact solution's copy nearest it over"
                + " channel permutations and rescalings, beside the unaligned walk's barrier";
    }

    @Override
    public List<String> columns() {
        return ALIGNED_COLUMNS;
    }

    @Override
    void walk(TrainedModel trained, ParameterLayout layout, Endpoint end, Walker walker, Table.Builder rows) {
        ParameterVector aligned = Alignment.align(layout, end.parameters(), trained.parameters());
        Walk straight = walker.to(end.parameters());
        Walk walk = walker.to(aligned);
        double straightL1 = straight.points().get(0).l1ToEnd();
        for (Walk.Point point : walk.points()) {
            rows.row(walk.row(point, straight.barrier(), straightL1, end.construction(), end.margin(),
                    end.polish()));
        }
    }
}
