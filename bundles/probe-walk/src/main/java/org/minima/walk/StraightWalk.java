package org.minima.walk;

import java.util.List;

import org.minima.api.Plugin;
import org.minima.api.Table;
import org.minima.api.model.ParameterLayout;
import org.minima.api.probe.LandscapeProbe;
import org.minima.api.train.TrainedModel;
import org.osgi.service.component.annotations.Component;

/**
 * Firner's straight walk (his Figure 3; REFERENCE.md section 6), as the {@link LandscapeProbe}
 * {@code straight-walk}: the walk of {@link WalkProbe} to the end point as constructed. Table {@code straight_walk},
 * one row per point, columns {@link WalkProbe#COLUMNS}.
 */
@Component(service = LandscapeProbe.class, property = Plugin.NAME + "=" + StraightWalk.NAME)
public final class StraightWalk extends WalkProbe {

    static final String NAME = "straight-walk";
    static final String TABLE = "straight_walk";

    public StraightWalk() {
        super(NAME, TABLE);
    }

    @Override
    public String description() {
        return "Loss along the straight line from each trained model to an exact solution (Firner's Figure 3)";
    }

    @Override
    public List<String> columns() {
        return COLUMNS;
    }

    @Override
    void walk(TrainedModel trained, ParameterLayout layout, Endpoint end, Walker walker, Table.Builder rows) {
        Walk walk = walker.to(end.parameters());
        for (Walk.Point point : walk.points()) {
            rows.row(walk.row(point, end.construction(), end.margin(), end.polish()));
        }
    }
}
