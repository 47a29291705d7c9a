package org.minima.walk;

import java.util.List;

import org.minima.api.OptionSpec;
import org.minima.api.OptionType;
import org.minima.api.Plugin;
import org.minima.api.Settings;
import org.minima.api.Table;
import org.minima.api.model.ParameterLayout;
import org.minima.api.model.ParameterVector;
import org.minima.api.probe.LandscapeProbe;
import org.minima.api.train.TrainedModel;
import org.osgi.service.component.annotations.Component;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Curvature at the trained model and at the exact end point of the walks, as the {@link LandscapeProbe}
 * {@code hessian}: the exact Hessian of the loss on the walks' boards, built from the network's gradient
 * ({@link Curvature}), its extreme eigenvalues and the counts of negative and flat ones (a minimum has none
 * negative; a saddle has some), beside the loss and the gradient's norm (which is not zero at an exact solution with
 * a sigmoid head). Networks with more than {@code max-parameters} parameters get the extreme eigenvalues from
 * {@code lanczos-steps} Hessian-vector products instead ({@link Lanczos}; column {@code method}), without the counts.
 * Table {@code hessian}: one row per centre.
 */
@Component(service = LandscapeProbe.class, property = Plugin.NAME + "=" + HessianProbe.NAME)
public final class HessianProbe extends WalkProbe {

    static final String NAME = "hessian";
    static final String TABLE = "hessian";
    static final List<String> HESSIAN_COLUMNS = List.of("centre", "parameters", "method", "loss", "gradient_norm",
            "smallest_eigenvalue", "largest_eigenvalue", "negative_eigenvalues", "flat_eigenvalues", "construction",
            "margin", "polish");
    static final String MAX_PARAMETERS = "max-parameters";
    static final String TOLERANCE = "tolerance";
    static final String LANCZOS_STEPS = "lanczos-steps";
    static final String EXACT = "exact";
    static final String LANCZOS = "lanczos";

    private static final Logger LOG = LoggerFactory.getLogger(HessianProbe.class);

    public HessianProbe() {
        super(NAME, TABLE);
    }

    @Override
    public String description() {
        return "Exact Hessian of the loss at each trained model and at the exact solution: extreme eigenvalues,"
                + " negative and flat ones, gradient norm";
    }

    @Override
    List<OptionSpec> ownOptions() {
        return List.of(
                OptionSpec.number(MAX_PARAMETERS, OptionType.INT, "1500", 1.0, 5000.0,
                        "Largest network whose whole Hessian is computed (2 gradients and n^2 memory per parameter);"
                                + " larger ones get the extreme eigenvalues by Lanczos."),
                OptionSpec.number(LANCZOS_STEPS, OptionType.INT, "60", 2.0, 1000.0,
                        "Hessian-vector products (2 gradients each) of the Lanczos estimate for larger networks."),
                OptionSpec.number(TOLERANCE, OptionType.DOUBLE, "1e-6", 0.0, 1.0,
                        "An eigenvalue within tolerance x |largest| of 0 counts as flat, below it as negative."));
    }

    @Override
    public List<String> columns() {
        return HESSIAN_COLUMNS;
    }

    @Override
    void walk(TrainedModel trained, ParameterLayout layout, Endpoint end, Walker walker, Table.Builder rows) {
        Settings settings = walker.settings();
        boolean exact = layout.size() <= settings.getInt(MAX_PARAMETERS);
        if (!exact) {
            LOG.info("{}: {} has {} parameters, more than {}.{} = {}: extreme eigenvalues by Lanczos ({} steps)",
                    NAME, trained.id(), layout.size(), NAME, MAX_PARAMETERS, settings.getInt(MAX_PARAMETERS),
                    settings.getInt(LANCZOS_STEPS));
        }
        double tolerance = settings.getDouble(TOLERANCE);
        List<ParameterVector> centres = List.of(trained.parameters(), end.parameters());
        List<String> names = List.of("trained", "exact");
        for (int c = 0; c < centres.size(); c++) {
            ParameterVector centre = centres.get(c);
            ParameterVector gradient = walker.gradient(centre);
            double norm = gradient.l2Distance(ParameterVector.zeros(gradient.size()));
            double loss = walker.measure(centre).loss();
            if (exact) {
                Curvature curvature = Curvature.at(centre, walker::gradient);
                rows.row(names.get(c), layout.size(), EXACT, loss, norm, curvature.smallest(), curvature.largest(),
                        curvature.negative(tolerance), curvature.flat(tolerance), end.construction(), end.margin(),
                        end.polish());
            } else {
                Lanczos extremes = Lanczos.of(layout.size(), Curvature.times(centre, walker::gradient),
                        settings.getInt(LANCZOS_STEPS), trained.seed() * 2 + c);
                rows.row(names.get(c), layout.size(), LANCZOS, loss, norm, extremes.smallest(), extremes.largest(),
                        Double.NaN, Double.NaN, end.construction(), end.margin(), end.polish());
            }
        }
    }
}
