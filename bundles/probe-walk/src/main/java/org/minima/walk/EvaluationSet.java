package org.minima.walk;

import java.util.ArrayList;
import java.util.List;

import org.minima.api.data.BoardStream;
import org.minima.api.data.Boards;
import org.minima.api.data.DataSpec;
import org.minima.api.data.Dataset;
import org.minima.api.model.Network;
import org.minima.api.model.ParameterVector;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The fixed boards a walk is scored on: {@code boards} boards of one {@link DataSpec}, drawn once and kept, in
 * chunks of at most {@link #CHUNK} boards that are batches 0, 1, 2, ... of the probe stream of one seed, so a walk
 * is never scored on boards a model was trained or evaluated on. Not thread-safe (it scores through a
 * {@link Network}).
 */
final class EvaluationSet {

    /**
     * Boards per chunk. One forward pass over all boards at once would hold 2m activations per cell: 30 GB for
     * Firner's 128,000 boards at m = 150.
     */
    static final int CHUNK = 1000;

    private final List<INDArray> inputs;
    private final List<INDArray> targets;
    private final List<float[]> truths;
    private final int boards;

    private EvaluationSet(List<INDArray> inputs, List<INDArray> targets, int boards) {
        this.inputs = inputs;
        this.targets = targets;
        this.truths = targets.stream().map(t -> t.dup('c').data().asFloat()).toList();
        this.boards = boards;
    }

    /** Draws {@code boards} boards of {@code spec} from {@code dataset}'s probe stream {@code seed}. */
    static EvaluationSet draw(Dataset dataset, DataSpec spec, long seed, int boards) {
        List<INDArray> inputs = new ArrayList<>();
        List<INDArray> targets = new ArrayList<>();
        for (int chunk = 0; (long) chunk * CHUNK < boards; chunk++) {
            int count = Math.min(CHUNK, boards - chunk * CHUNK);
            Boards sample = dataset.sample(spec, BoardStream.probe(seed), chunk, count);
            inputs.add(sample.input());
            targets.add(sample.target());
        }
        return new EvaluationSet(inputs, targets, boards);
    }

    int boards() {
        return boards;
    }

    /**
     * {@code network}'s measures on these boards, chunk by chunk (each chunk's loss, then its output, so a network
     * that keeps its last forward pass computes it once per chunk).
     *
     * @param loss       the loss averaged over every cell of every board: each chunk's mean weighted by its boards,
     *                   which all have the same number of cells
     * @param lossTorch  the same mean as PyTorch's {@code BCELoss} computes it from the network's float32
     *                   probabilities ({@link TorchLoss})
     * @param boardExact the share of boards exactly right: every cell's output, clamped to [0, 1] and rounded (0.5
     *                   counts as alive), equals the target, and NaN is never right, as the success evaluator decides
     *                   it (REFERENCE.md section 5)
     */
    record Measures(double loss, double lossTorch, double boardExact) {
    }

    Measures measure(Network network) {
        double loss = 0;
        TorchLoss torch = new TorchLoss();
        long exact = 0;
        for (int chunk = 0; chunk < inputs.size(); chunk++) {
            INDArray input = inputs.get(chunk);
            loss += network.loss(input, targets.get(chunk)) * input.size(0);
            float[] outputs = contiguous(network.output(input)).data().asFloat();
            float[] truth = truths.get(chunk);
            torch.add(outputs, truth);
            int cells = outputs.length / (int) input.size(0);
            for (int board = 0; board < input.size(0); board++) {
                exact += exactBoard(outputs, truth, board * cells, cells) ? 1 : 0;
            }
        }
        return new Measures(loss / boards, torch.mean(), (double) exact / boards);
    }

    /** The gradient of {@link #measure}'s loss: each chunk's gradient weighted by its boards. */
    ParameterVector gradient(Network network) {
        double[] sum = null;
        for (int chunk = 0; chunk < inputs.size(); chunk++) {
            INDArray input = inputs.get(chunk);
            ParameterVector part = network.gradient(input, targets.get(chunk));
            if (sum == null) {
                sum = new double[part.size()];
            }
            for (int i = 0; i < sum.length; i++) {
                sum[i] += (double) part.get(i) * input.size(0);
            }
        }
        float[] mean = new float[sum.length];
        for (int i = 0; i < mean.length; i++) {
            mean[i] = (float) (sum[i] / boards);
        }
        return ParameterVector.of(mean);
    }

    /** {@code array} itself when it owns a c-ordered buffer (a network's fresh output does), else a copy. */
    private static INDArray contiguous(INDArray array) {
        return array.isView() || array.ordering() != 'c' ? array.dup('c') : array;
    }

    private static boolean exactBoard(float[] outputs, float[] truth, int first, int cells) {
        for (int c = first; c < first + cells; c++) {
            boolean right = truth[c] > 0.5f ? outputs[c] >= 0.5f : outputs[c] < 0.5f;
            if (!right) {
                return false;
            }
        }
        return true;
    }
}
