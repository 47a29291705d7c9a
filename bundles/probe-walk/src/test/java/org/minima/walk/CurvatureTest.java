package org.minima.walk;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.minima.api.Table;
import org.minima.api.data.BoardStream;
import org.minima.api.data.Boards;
import org.minima.api.model.Network;
import org.minima.api.model.ParameterVector;
import org.minima.api.train.TrainedModel;

/** The Hessian from gradients: a known quadratic's spectrum, the loss's own second differences, the probe's rows. */
class CurvatureTest {

    @TempDir
    Path folder;

    @Test
    void recoversTheEigenvaluesOfAKnownQuadratic() {
        // L(θ) = ½ θᵀAθ with A = R diag(3, -1, 0.5) Rᵀ, R a rotation by 30° in the first two coordinates
        double c = Math.cos(Math.PI / 6);
        double s = Math.sin(Math.PI / 6);
        double[][] a = {{3 * c * c + -1 * s * s, (3 - -1) * c * s, 0}, {(3 - -1) * c * s, 3 * s * s + -1 * c * c, 0},
            {0, 0, 0.5}};
        Curvature curvature = Curvature.at(ParameterVector.of(new float[] {0.2f, -0.4f, 1f}), theta -> {
            float[] g = new float[3];
            for (int i = 0; i < 3; i++) {
                for (int j = 0; j < 3; j++) {
                    g[i] += (float) (a[i][j] * theta.get(j));
                }
            }
            return ParameterVector.of(g);
        });
        assertArrayEquals(new double[] {-1, 0.5, 3}, curvature.eigenvalues(), 1e-3);
        assertEquals(1, curvature.negative(1e-6));
        assertEquals(0, curvature.flat(1e-6));
    }

    @Test
    void theTraceIsTheSumOfTheLossesSecondDifferences() {
        TrainedModel model = Fixtures.firner(1);
        Boards boards = Fixtures.DATA.sample(model.data(), BoardStream.probe(0), 0, 50);
        Network network = Fixtures.FIRNER.network(model.modelSpec(), model.parameters());
        Curvature curvature = Curvature.at(model.parameters(), theta -> {
            network.setParameters(theta);
            return network.gradient(boards.input(), boards.target());
        });
        float[] values = model.parameters().toArray();
        network.setParameters(model.parameters());
        double centre = network.loss(boards.input(), boards.target());
        double trace = 0;
        for (int i = 0; i < values.length; i++) {
            float[] up = values.clone();
            float[] down = values.clone();
            up[i] += 1e-2f;
            down[i] -= 1e-2f;
            double h = ((double) up[i] - down[i]) / 2;
            network.setParameters(ParameterVector.of(up));
            double above = network.loss(boards.input(), boards.target());
            network.setParameters(ParameterVector.of(down));
            double below = network.loss(boards.input(), boards.target());
            trace += (above - 2 * centre + below) / (h * h);
        }
        double sum = Arrays.stream(curvature.eigenvalues()).sum();
        assertEquals(trace, sum, 1e-2 * Math.abs(trace) + 1e-3, "trace from the eigenvalues vs second differences");
    }

    @Test
    void theProbeReportsBothCentresAndSkipsNetworksThatAreTooLarge() {
        HessianProbe probe = new HessianProbe();
        TrainedModel model = Fixtures.firner(2);
        Table rows = probe.probe(model, Fixtures.context(folder, probe, Fixtures.FIRNER, Optional.of(Fixtures.EXACT),
                Map.of("boards", "50")).build());
        assertEquals(HessianProbe.HESSIAN_COLUMNS, rows.columns());
        assertEquals(List.of("trained", "exact"), rows.distinct("centre"));
        assertEquals(String.valueOf(Fixtures.FIRNER.layout(model.modelSpec()).size()), rows.text(0, "parameters"));
        assertTrue(rows.number(1, "gradient_norm") > 0, "a sigmoid head's exact point still has a gradient");
        assertTrue(rows.number(1, "loss") < rows.number(0, "loss"));
        Table none = probe.probe(model, Fixtures.context(folder, probe, Fixtures.FIRNER, Optional.of(Fixtures.EXACT),
                Map.of("boards", "50", "max-parameters", "10")).build());
        assertEquals(0, none.rows().size());
    }
}
