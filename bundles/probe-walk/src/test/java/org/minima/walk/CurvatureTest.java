package org.minima.walk;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

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
    void lanczosFindsTheExtremeEigenvaluesOfALargeKnownSpectrum() {
        int size = 400;
        double[] spectrum = new double[size];
        for (int i = 0; i < size; i++) {
            spectrum[i] = -2 + 0.01 * i * i / size;  // from -2 up to about 1.99, denser at the bottom
        }
        spectrum[size - 1] = 7;
        Lanczos lanczos = Lanczos.of(size, v -> {
            double[] out = new double[size];
            for (int i = 0; i < size; i++) {
                out[i] = spectrum[i] * v[i];
            }
            return out;
        }, 80, 3);
        assertEquals(7, lanczos.largest(), 1e-8);
        assertEquals(-2, lanczos.smallest(), 1e-3);
        assertEquals(80, lanczos.iterations());
        Lanczos small = Lanczos.of(3, v -> new double[] {2 * v[0], -v[1], 0.5 * v[2]}, 10, 1);
        assertEquals(3, small.iterations(), "stops at the dimension");
        assertEquals(-1, small.smallest(), 1e-12);
        assertEquals(2, small.largest(), 1e-12);
    }

    @Test
    void lanczosOnHessianVectorProductsAgreesWithTheWholeHessian() {
        TrainedModel model = Fixtures.firner(2);
        Boards boards = Fixtures.DATA.sample(model.data(), BoardStream.probe(0), 0, 50);
        Network network = Fixtures.FIRNER.network(model.modelSpec(), model.parameters());
        UnaryOperator<ParameterVector> gradient = theta -> {
            network.setParameters(theta);
            return network.gradient(boards.input(), boards.target());
        };
        Curvature whole = Curvature.at(model.parameters(), gradient);
        Lanczos lanczos = Lanczos.of(model.parameters().size(), Curvature.times(model.parameters(), gradient), 53, 1);
        // ReLU kinks make differences of gradients depend on the step's direction (one coordinate at a time for the
        // whole matrix, all at once along v for Lanczos): they agree to a few percent of the largest eigenvalue
        double scale = Math.abs(whole.largest());
        assertEquals(whole.largest(), lanczos.largest(), 0.05 * scale);
        assertEquals(whole.smallest(), lanczos.smallest(), 0.1 * scale);
        assertTrue(lanczos.smallest() < 0, "the saddle's negative curvature is found");
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
    void theProbeReportsBothCentresAndEstimatesNetworksThatAreTooLargeByLanczos() {
        HessianProbe probe = new HessianProbe();
        TrainedModel model = Fixtures.firner(2);
        Table rows = probe.probe(model, Fixtures.context(folder, probe, Fixtures.FIRNER, Optional.of(Fixtures.EXACT),
                Map.of("boards", "50")).build());
        assertEquals(HessianProbe.HESSIAN_COLUMNS, rows.columns());
        assertEquals(List.of("trained", "exact"), rows.distinct("centre"));
        assertEquals(String.valueOf(Fixtures.FIRNER.layout(model.modelSpec()).size()), rows.text(0, "parameters"));
        assertTrue(rows.number(1, "gradient_norm") > 0, "a sigmoid head's exact point still has a gradient");
        assertTrue(rows.number(1, "loss") < rows.number(0, "loss"));
        assertEquals(List.of("exact"), rows.distinct("method"));
        Table large = probe.probe(model, Fixtures.context(folder, probe, Fixtures.FIRNER, Optional.of(Fixtures.EXACT),
                Map.of("boards", "50", "max-parameters", "10", "lanczos-steps", "53")).build());
        assertEquals(List.of("lanczos"), large.distinct("method"), "a network over max-parameters gets Lanczos");
        assertEquals(rows.number(0, "largest_eigenvalue"), large.number(0, "largest_eigenvalue"),
                0.05 * Math.abs(rows.number(0, "largest_eigenvalue")));
        assertTrue(Double.isNaN(large.number(0, "negative_eigenvalues")), "no counts from a Lanczos estimate");
    }
}
