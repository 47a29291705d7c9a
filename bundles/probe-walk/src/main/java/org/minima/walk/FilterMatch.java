package org.minima.walk;

import java.util.List;

import org.minima.api.Plugin;
import org.minima.api.Table;
import org.minima.api.model.LayerParams;
import org.minima.api.model.ParameterLayout;
import org.minima.api.model.ParameterVector;
import org.minima.api.probe.LandscapeProbe;
import org.minima.api.train.TrainedModel;
import org.osgi.service.component.annotations.Component;

/**
 * How close each trained 3×3 filter is to the solution's, as the {@link LandscapeProbe} {@code filter-match}: the
 * exact end point of the walks is aligned to the trained model ({@link Alignment}), so its channel j is the one
 * matched to the model's channel j, and each 3×3 filter (one output channel's incoming weights) is compared with its
 * match by cosine similarity. A filter whose match is zero (a channel the construction leaves unused) has cosine NaN.
 * Table {@code filter_match}: one row per 3×3 layer and channel, with both filters' norms. The walks' boards are not
 * used.
 */
@Component(service = LandscapeProbe.class, property = Plugin.NAME + "=" + FilterMatch.NAME)
public final class FilterMatch extends WalkProbe {

    static final String NAME = "filter-match";
    static final String TABLE = "filter_match";
    static final List<String> MATCH_COLUMNS = List.of("layer", "block", "channel", "cosine", "trained_norm",
            "exact_norm", "construction", "margin", "polish");

    public FilterMatch() {
        super(NAME, TABLE);
    }

    @Override
    public String description() {
        return "Cosine similarity of each trained 3x3 filter to its match in the aligned exact solution";
    }

    @Override
    public List<String> columns() {
        return MATCH_COLUMNS;
    }

    @Override
    void walk(TrainedModel trained, ParameterLayout layout, Endpoint end, Walker walker, Table.Builder rows) {
        ParameterVector aligned = Alignment.align(layout, end.parameters(), trained.parameters());
        for (LayerParams layer : layout.layers()) {
            if (layer.kernelHeight() != 3) {
                continue;
            }
            for (int channel = 0; channel < layer.out(); channel++) {
                int first = layer.weightOffset() + channel * layer.fanIn();
                double dot = 0;
                double trainedSquares = 0;
                double exactSquares = 0;
                for (int k = first; k < first + layer.fanIn(); k++) {
                    double t = trained.parameters().get(k);
                    double e = aligned.get(k);
                    dot += t * e;
                    trainedSquares += t * t;
                    exactSquares += e * e;
                }
                double cosine = exactSquares == 0 || trainedSquares == 0 ? Double.NaN
                        : dot / Math.sqrt(trainedSquares * exactSquares);
                rows.row(layer.name(), layer.block(), channel, cosine, Math.sqrt(trainedSquares),
                        Math.sqrt(exactSquares), end.construction(), end.margin(), end.polish());
            }
        }
    }
}
