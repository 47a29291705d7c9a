package org.minima.arch;

import org.minima.api.model.Activation;
import org.minima.api.model.LayerParams;
import org.minima.api.model.Padding;
import org.minima.api.model.ParameterLayout;
import org.minima.api.model.ParameterVector;

/**
 * A direct, loop-by-loop evaluation of a layout in double precision, zero-padded or wrapped around: the independent
 * reference for DL4J's and the forward pass's.
 */
final class NaiveNet {

    private final ParameterLayout layout;
    private final ParameterVector p;
    private final Padding padding;

    NaiveNet(ParameterLayout layout, ParameterVector parameters) {
        this(layout, parameters, Padding.ZERO);
    }

    NaiveNet(ParameterLayout layout, ParameterVector parameters, Padding padding) {
        this.layout = layout;
        this.p = parameters;
        this.padding = padding;
    }

    /** The head's pre-sigmoid values for one board. */
    double[][] logits(double[][] board) {
        double[][][] x = {board};
        for (LayerParams l : layout.layers()) {
            double[][][] z = convolve(l, x);
            x = l == layout.head() ? z : activate(z, l.activation());
        }
        return x[0];
    }

    private double[][][] convolve(LayerParams l, double[][][] x) {
        int h = x[0].length;
        int w = x[0][0].length;
        double[][][] out = new double[l.out()][h][w];
        for (int o = 0; o < l.out(); o++) {
            for (int row = 0; row < h; row++) {
                for (int col = 0; col < w; col++) {
                    double sum = p.get(l.biasIndex(o));
                    for (int i = 0; i < l.in(); i++) {
                        for (int r = 0; r < l.kernelHeight(); r++) {
                            for (int c = 0; c < l.kernelWidth(); c++) {
                                int y = row + r - l.kernelHeight() / 2;
                                int xx = col + c - l.kernelWidth() / 2;
                                if (padding == Padding.CIRCULAR) {
                                    y = Math.floorMod(y, h);
                                    xx = Math.floorMod(xx, w);
                                }
                                if (y >= 0 && y < h && xx >= 0 && xx < w) {
                                    sum += p.get(l.weightIndex(o, i, r, c)) * x[i][y][xx];
                                }
                            }
                        }
                    }
                    out[o][row][col] = sum;
                }
            }
        }
        return out;
    }

    private static double[][][] activate(double[][][] z, Activation a) {
        for (double[][] plane : z) {
            for (double[] line : plane) {
                for (int k = 0; k < line.length; k++) {
                    double v = line[k];
                    line[k] = switch (a) {
                        case RELU -> Math.max(v, 0);
                        case LEAKY_RELU -> v > 0 ? v : Activation.LEAKY_SLOPE * v;
                        case SIGMOID -> 1 / (1 + Math.exp(-v));
                    };
                }
            }
        }
        return z;
    }
}
