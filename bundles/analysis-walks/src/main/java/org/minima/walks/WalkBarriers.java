package org.minima.walks;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

import org.minima.api.Table;

/**
 * What one walk's points say about the wall between its ends, the trained model (α = 0) and the exact solution
 * (α = 1), with L0, L1 the losses at the ends and max L the highest loss on the path:
 *
 * @param l1Length         Σ|θ_trained − θ_exact|, the L1 length of the path
 * @param lossTrained      L0
 * @param lossEnd          L1
 * @param lossPeak         max L
 * @param barrierMean      max L − (L0 + L1)/2, the barrier of REFERENCE.md section 6
 * @param barrierEnds      max L − max(L0, L1): how far the path climbs above its higher end; 0 for a path that never
 *                         rises above both ends
 * @param errorBarrier     the largest drop of the board-exact share below the smaller of the two ends' shares,
 *                         min(E0, E1) − min E, or 0 when the share never falls below both ends
 * @param boardExactTrained E0
 * @param boardExactEnd    E1
 * @param lossTorchTrained L0 as PyTorch's {@code BCELoss} computes it (column {@code loss_torch})
 * @param lossTorchPeak    max L as PyTorch's {@code BCELoss} computes it
 * @param barrierTorchEnds {@code barrierEnds} on PyTorch's losses
 */
record WalkBarriers(double l1Length, double lossTrained, double lossEnd, double lossPeak, double barrierMean,
                    double barrierEnds, double errorBarrier, double boardExactTrained, double boardExactEnd,
                    double lossTorchTrained, double lossTorchPeak, double barrierTorchEnds) {

    /** Column names, in the order of the components. */
    static final List<String> COLUMNS = List.of("l1_length", "loss_trained", "loss_end", "loss_peak",
            "barrier_mean", "barrier_ends", "error_barrier", "board_exact_trained", "board_exact_end",
            "loss_torch_trained", "loss_torch_peak", "barrier_torch_ends");

    /** The barriers of the walk whose points are rows {@code rows} of {@code walk}, in any order. */
    static WalkBarriers of(Table walk, List<Integer> rows) {
        List<Integer> path = rows.stream().sorted(Comparator.comparingDouble(r -> walk.number(r, "alpha"))).toList();
        int start = path.get(0);
        int end = path.get(path.size() - 1);
        double[] loss = values(walk, path, "loss");
        double[] torch = values(walk, path, "loss_torch");
        double[] exact = values(walk, path, "board_exact");
        double peak = max(loss);
        double torchPeak = max(torch);
        double lowerEndExact = Math.min(exact[0], exact[exact.length - 1]);
        return new WalkBarriers(walk.number(start, "l1_to_exact"), loss[0], loss[loss.length - 1], peak,
                peak - (loss[0] + loss[loss.length - 1]) / 2, peak - Math.max(loss[0], loss[loss.length - 1]),
                Math.max(0, lowerEndExact - min(exact)), exact[0], exact[exact.length - 1], torch[0], torchPeak,
                torchPeak - Math.max(torch[0], torch[torch.length - 1]));
    }

    /** The components as a table row's values, in {@link #COLUMNS}' order. */
    List<Object> values() {
        return List.of(l1Length, lossTrained, lossEnd, lossPeak, barrierMean, barrierEnds, errorBarrier,
                boardExactTrained, boardExactEnd, lossTorchTrained, lossTorchPeak, barrierTorchEnds);
    }

    private static double[] values(Table walk, List<Integer> rows, String column) {
        return rows.stream().mapToDouble(r -> walk.number(r, column)).toArray();
    }

    private static double max(double[] values) {
        return Arrays.stream(values).max().orElseThrow();
    }

    private static double min(double[] values) {
        return Arrays.stream(values).min().orElseThrow();
    }
}
