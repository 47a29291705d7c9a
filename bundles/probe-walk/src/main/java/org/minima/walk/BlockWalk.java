package org.minima.walk;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.minima.api.Plugin;
import org.minima.api.Table;
import org.minima.api.model.ParameterLayout;
import org.minima.api.model.ParameterVector;
import org.minima.api.probe.LandscapeProbe;
import org.minima.api.train.TrainedModel;
import org.osgi.service.component.annotations.Component;

/**
 * The per-block walk, as the {@link LandscapeProbe} {@code block-walk}: one step block at a time is moved in a straight
 * line to its weights in the exact solution, the other blocks held at their trained values. The exact solution is
 * first aligned to the model ({@link Alignment}), so that its blocks speak the model's channel order and scale and a
 * network half trained, half exact still makes sense. A block whose walk has a high barrier is one that holds the
 * model back. Table {@code block_walk}: a {@code block} column in front of the walk's columns, one walk per block.
 */
@Component(service = LandscapeProbe.class, property = Plugin.NAME + "=" + BlockWalk.NAME)
public final class BlockWalk extends WalkProbe {

    static final String NAME = "block-walk";
    static final String TABLE = "block_walk";
    static final List<String> BLOCK_COLUMNS = columns(COLUMNS);

    public BlockWalk() {
        super(NAME, TABLE);
    }

    private static List<String> columns(List<String> walk) {
        List<String> all = new ArrayList<>(List.of("block"));
        all.addAll(walk);
        return List.copyOf(all);
    }

    @Override
    public String description() {
        return "Loss as one step block at a time walks to its exact weights, the others held at their trained values";
    }

    @Override
    public List<String> columns() {
        return BLOCK_COLUMNS;
    }

    @Override
    void walk(TrainedModel trained, ParameterLayout layout, Endpoint end, Walker walker, Table.Builder rows) {
        ParameterVector aligned = Alignment.align(layout, end.parameters(), trained.parameters());
        for (int block = 0; block < layout.blocks(); block++) {
            ParameterVector target = trained.parameters().splice(aligned, layout.indicesOf(Set.of(block)));
            Walk walk = walker.to(target);
            for (Walk.Point point : walk.points()) {
                Object[] values = walk.row(point, end.construction(), end.margin(), end.polish());
                Object[] row = new Object[values.length + 1];
                row[0] = block;
                System.arraycopy(values, 0, row, 1, values.length);
                rows.row(row);
            }
        }
    }
}
