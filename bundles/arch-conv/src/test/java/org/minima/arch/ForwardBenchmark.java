package org.minima.arch;

import java.util.Arrays;
import java.util.Locale;

import org.minima.api.model.Activation;
import org.minima.api.model.ModelSpec;
import org.minima.api.model.Network;
import org.minima.testkit.RandomParameters;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Boards per second through {@link ForwardPass} (a network's loss and output, as evaluation and probes compute them)
 * for deep networks under ReLU and LeakyReLU, one thread; docs/PERFORMANCE.md gives the command. Arguments:
 * {@code configs=20,1;20,5;20,10 boards=1000 rounds=5}.
 */
public final class ForwardBenchmark {

    private ForwardBenchmark() {
    }

    public static void main(String[] args) {
        String configs = argument(args, "configs", "20,1;20,5;20,10");
        int boards = Integer.parseInt(argument(args, "boards", "1000"));
        int rounds = Integer.parseInt(argument(args, "rounds", "5"));
        INDArray input = TestBoards.random(boards, 10, 0.5, 1).array();
        INDArray target = TestBoards.random(boards, 10, 0.5, 2).array();
        for (String config : configs.split(";")) {
            String[] nm = config.split(",");
            for (Activation activation : new Activation[] {Activation.RELU, Activation.LEAKY_RELU}) {
                ModelSpec spec = new ModelSpec(Integer.parseInt(nm[0].trim()), Integer.parseInt(nm[1].trim()), 1,
                        activation);
                FirnerModel model = new FirnerModel();
                Network network = model.network(spec, RandomParameters.gaussian(model.layout(spec), 0.2, 3));
                double[] rates = new double[rounds];
                network.loss(input, target);
                for (int r = 0; r < rounds; r++) {
                    long start = System.nanoTime();
                    network.setParameters(network.parameters());
                    network.loss(input, target);
                    network.output(input);
                    rates[r] = boards / ((System.nanoTime() - start) / 1e9);
                }
                Arrays.sort(rates);
                System.out.printf(Locale.ROOT, "RESULT forward n=%d m=%d activation=%s boards_per_s=%.0f%n",
                        spec.steps(), spec.width(), activation.label(), rates[rounds / 2]);
            }
        }
    }

    private static String argument(String[] args, String key, String fallback) {
        return Arrays.stream(args).filter(a -> a.startsWith(key + "=")).map(a -> a.substring(key.length() + 1))
                .findFirst().orElse(fallback);
    }
}
