package org.minima.arch;

import java.util.Arrays;
import java.util.List;

import org.minima.api.model.Activation;
import org.minima.api.model.LayerParams;
import org.minima.api.model.ModelSpec;
import org.minima.api.model.Padding;
import org.minima.api.model.ParameterLayout;
import org.minima.api.model.ParameterVector;
import org.minima.arch.planes.BorderedPlanes;

/**
 * The network's logits for many boards, computed in plain Java arrays a tile of boards at a time: what evaluation and
 * every probe spend their time on (a walk sends millions of boards through the network). Each channel of a tile is
 * one plane of bordered boards, {@code (H + 2) × (W + 2)} cells each, the border holding the padding (zeros, or the
 * cells of the opposite edge for a toroidal game), so a 3×3 tap is a shift of the flat index: the layer copies each
 * input plane shifted nine ways ({@code System.arraycopy}) and then, like a 1×1 layer, sums weighted planes with the
 * same index on both sides. Loops of that form are vectorised by the JIT compiler; a loop reading one array at
 * shifted indices while writing another is not (it may alias), which measured 6× slower. A tile's planes fit in the
 * core's second-level cache, and every buffer is kept between calls, so a pass allocates only its result.
 *
 * <p>The first block sees only the boards, whose cells are 0 or 1: every cell's value after it is a function of its
 * 3×3 neighbourhood, one of 512 patterns. So when the boards are binary and every tap reads a cell (zero padding of an
 * unshifted board reads a dead one; a torus has no padding), the block is computed once for the 512 patterns, by the
 * same code on a tile of 512 cells, and looked up per cell: bit for bit the values it would compute per cell, at a
 * fraction of the cost (a one-step network costs a lookup).
 *
 * <p>Cells of the border are computed too and then overwritten before any 3×3 layer reads them; the head's border
 * is dropped. The sum over a layer's inputs runs in their order, so results are deterministic; they differ from the
 * matrix products of {@link ForwardPass} (which keeps the intermediate values a backward pass needs) by float32
 * rounding only. Not thread-safe.
 */
final class TiledLogits {

    /** Cells per plane in a tile: 32 KB, so a layer's input and output planes stay in the second-level cache. */
    private static final int TILE_CELLS = 8192;
    private static final int TAPS = BorderedPlanes.TAPS;

    private final List<LayerParams> layers;
    private final boolean circular;
    private final float inputShift;
    private final int widestOutput;
    private final int widestTaps;
    private final float[][] weights;
    private final float[][] biases;
    /** Layers of the first block when it can be tabulated (a 3×3 layer on the board, then 1×1 ones), else 0. */
    private final int tabulated;
    private final Patterns patterns;
    private Tile tile;

    /** The logits of {@code layout}, padded and with its input shifted as {@code spec} says. */
    TiledLogits(ParameterLayout layout, ModelSpec spec, ParameterVector parameters) {
        this.layers = layout.layers();
        for (LayerParams layer : layers) {
            boolean square = layer.kernelHeight() == layer.kernelWidth();
            if (!square || layer.kernelHeight() != 1 && layer.kernelHeight() != 3) {
                throw new IllegalArgumentException("layer " + layer.name() + ": only 1x1 and 3x3 convolutions");
            }
        }
        this.circular = spec.padding() == Padding.CIRCULAR;
        this.inputShift = (float) spec.inputShift();
        this.widestOutput = layers.stream().mapToInt(LayerParams::out).max().orElse(1);
        this.widestTaps = layers.stream().filter(l -> l.kernelHeight() == 3).mapToInt(l -> TAPS * l.in()).max()
                .orElse(0);
        this.weights = new float[layers.size()][];
        this.biases = new float[layers.size()][];
        this.tabulated = tabulatedLayers(layers);
        this.patterns = tabulated == 0 ? null : new Patterns(inputShift, widestOutput);
        set(parameters);
    }

    private static int tabulatedLayers(List<LayerParams> layers) {
        LayerParams first = layers.get(0);
        if (first.kernelHeight() != 3 || first.in() != 1) {
            return 0;
        }
        int count = 1;
        while (count < layers.size() && layers.get(count).block() == first.block()) {
            if (layers.get(count).kernelHeight() != 1) {
                return 0;
            }
            count++;
        }
        return count;
    }

    /** Takes new parameters: each layer's weights as [out][in·kh·kw] in the layout's order, and its biases. */
    void set(ParameterVector parameters) {
        float[] values = parameters.toArray();
        for (int index = 0; index < layers.size(); index++) {
            LayerParams layer = layers.get(index);
            weights[index] = Arrays.copyOfRange(values, layer.weightOffset(), layer.weightOffset()
                    + layer.weightCount());
            biases[index] = Arrays.copyOfRange(values, layer.biasOffset(), layer.biasOffset() + layer.out());
        }
        if (patterns != null) {
            patterns.stale = true;
        }
    }

    /**
     * The head's logits for {@code boards} boards of {@code height} × {@code width} cells, {@code cells} holding them
     * board by board, row by row; the result in the same order.
     */
    float[] logits(float[] cells, int boards, int height, int width) {
        if (tile == null || tile.height != height || tile.width != width) {
            tile = new Tile(height, width, widestOutput, widestTaps);
        }
        boolean lookUp = lookUp(cells);
        float[] logits = new float[cells.length];
        for (int first = 0; first < boards; first += tile.boards) {
            int count = Math.min(tile.boards, boards - first);
            tile.load(cells, first, count, inputShift);
            tile.unload(passOverTile(count * tile.boardCells, lookUp)[0], logits, first, count);
        }
        return logits;
    }

    /**
     * Whether the first block can be looked up for boards {@code cells}: they are binary and every tap reads a cell.
     * Tabulates it first when the parameters have changed.
     */
    private boolean lookUp(float[] cells) {
        boolean lookUp = patterns != null && (inputShift == 0 || circular) && binary(cells);
        if (lookUp && patterns.stale) {
            patterns.keep(pass(patterns, 0, tabulated, patterns.taps, Patterns.COUNT), layers.get(tabulated - 1).out());
        }
        return lookUp;
    }

    /** Every layer on the loaded tile's first {@code cells} cells, the first block looked up or not. */
    private float[][] passOverTile(int cells, boolean lookUp) {
        if (!lookUp) {
            return pass(tile, 0, layers.size(), tile.input, cells);
        }
        float[][] numbers = tile.patternNumbers;
        combine(tile.taps(tile.input, 1, cells, circular), TAPS, patterns.bits, patterns.rounding, numbers, 1, cells,
                null);
        float[][] looked = tile.output(tabulated - 1);
        patterns.lookUp(numbers[0], cells, looked);
        return pass(tile, tabulated, layers.size(), looked, cells);
    }

    /** Whether every cell is 0 or 1; without a branch per cell, which random boards would mispredict half the time. */
    private static boolean binary(float[] cells) {
        boolean binary = true;
        for (float cell : cells) {
            binary &= cell == 0f | cell == 1f;
        }
        return binary;
    }

    /**
     * Runs layers {@code from .. to} on the first {@code cells} cells of {@code planes}, from input planes {@code in};
     * returns the last layer's output planes.
     */
    private float[][] pass(Planes planes, int from, int to, float[][] in, int cells) {
        for (int index = from; index < to; index++) {
            LayerParams layer = layers.get(index);
            float[][] out = planes.output(index);
            float[][] operand = layer.kernelHeight() == 3 ? planes.taps(in, layer.in(), cells, circular) : in;
            Activation activation = index < layers.size() - 1 ? layer.activation() : null;
            combine(operand, layer.fanIn(), weights[index], biases[index], out, layer.out(), cells, activation);
            in = out;
        }
        return in;
    }

    /**
     * out[o] = act(b[o] + Σ_i w[o][i]·in[i]), cell by cell, four inputs per sweep over the planes, the first sweep
     * also writing the bias; each plane is activated as soon as it is summed, while it is still in the first-level
     * cache ({@code activation} null: left linear).
     */
    private static void combine(float[][] in, int inputs, float[] w, float[] b, float[][] out, int outputs,
                                int cells, Activation activation) {
        for (int o = 0; o < outputs; o++) {
            float[] sum = out[o];
            int row = o * inputs;
            int i = 0;
            for (; i + 3 < inputs; i += 4) {
                addFour(sum, i == 0, b[o], in[i], in[i + 1], in[i + 2], in[i + 3], w[row + i], w[row + i + 1],
                        w[row + i + 2], w[row + i + 3], cells);
            }
            for (; i < inputs; i++) {
                addOne(sum, i == 0, b[o], in[i], w[row + i], cells);
            }
            if (activation != null) {
                activate(sum, cells, activation);
            }
        }
    }

    /** sum += wa·a + wb·b + wc·c + wd·d per cell; for the {@code first} sweep, sum = bias + that. */
    private static void addFour(float[] sum, boolean first, float bias, float[] a, float[] b, float[] c, float[] d,
                                float wa, float wb, float wc, float wd, int cells) {
        if (first) {
            for (int p = 0; p < cells; p++) {
                sum[p] = bias + (wa * a[p] + wb * b[p] + wc * c[p] + wd * d[p]);
            }
        } else {
            for (int p = 0; p < cells; p++) {
                sum[p] += wa * a[p] + wb * b[p] + wc * c[p] + wd * d[p];
            }
        }
    }

    /** sum += wa·a per cell; for the {@code first} sweep, sum = bias + wa·a. */
    private static void addOne(float[] sum, boolean first, float bias, float[] a, float wa, int cells) {
        if (first) {
            for (int p = 0; p < cells; p++) {
                sum[p] = bias + wa * a[p];
            }
        } else {
            for (int p = 0; p < cells; p++) {
                sum[p] += wa * a[p];
            }
        }
    }

    /** ReLU, or LeakyReLU as max(x, slope·x) (the same for a slope below 1, and branch-free), in place. */
    private static void activate(float[] plane, int cells, Activation activation) {
        if (activation == Activation.LEAKY_RELU) {
            float slope = (float) Activation.LEAKY_SLOPE;
            for (int p = 0; p < cells; p++) {
                plane[p] = Math.max(plane[p], slope * plane[p]);
            }
        } else {
            for (int p = 0; p < cells; p++) {
                plane[p] = Math.max(plane[p], 0f);
            }
        }
    }

    /** Where a pass keeps its values: each layer's output planes, and a 3×3 layer's operand. */
    private interface Planes {

        /** The planes layer {@code index} writes: two sets in turn. */
        float[][] output(int index);

        /** The operand of a 3×3 layer on {@code channels} input planes: nine planes per channel. */
        float[][] taps(float[][] in, int channels, int cells, boolean circular);
    }

    /**
     * The buffers of one board shape: a tile of boards laid out by {@link BorderedPlanes}, its input plane, two sets
     * of layer output planes used in turn, and the shifted copies of a 3×3 layer's input.
     */
    private static final class Tile implements Planes {

        final BorderedPlanes layout;
        final int height;
        final int width;
        final int boardCells;
        final int boards;
        final float[][] input;
        private final float[][][] outputs;
        private final float[][] taps;
        /** Each cell's neighbourhood as its pattern number plus a half, from {@link Patterns#bits}. */
        final float[][] patternNumbers;

        Tile(int height, int width, int widestOutput, int widestTaps) {
            this.layout = new BorderedPlanes(height, width, TILE_CELLS);
            this.height = height;
            this.width = width;
            this.boardCells = layout.boardCells();
            this.boards = layout.boards();
            int cells = layout.tileCells();
            this.input = new float[1][cells];
            this.outputs = new float[][][] {new float[widestOutput][cells], new float[widestOutput][cells]};
            this.taps = new float[widestTaps][cells];
            this.patternNumbers = new float[1][cells];
        }

        @Override
        public float[][] output(int index) {
            return outputs[index % 2];
        }

        /** Writes boards {@code first .. first + count} of {@code cells}, shifted, into the input plane's interior. */
        void load(float[] cells, int first, int count, float shift) {
            layout.load(cells, first, count, shift, input[0]);
        }

        /** Copies the interior of the head's plane for boards {@code first .. first + count} into {@code logits}. */
        void unload(float[] head, float[] logits, int first, int count) {
            layout.unload(head, logits, first, count);
        }

        /** Pads the input planes and makes nine shifted copies of each ({@link BorderedPlanes#taps}). */
        @Override
        public float[][] taps(float[][] planes, int channels, int cells, boolean circular) {
            layout.taps(planes, channels, cells, circular, taps);
            return taps;
        }
    }

    /**
     * The 512 neighbourhoods of a binary board as a tile of 512 cells whose nine taps are the pattern's bits, and the
     * first block's output on each, computed again after the parameters change.
     */
    private static final class Patterns implements Planes {

        static final int COUNT = 1 << TAPS;

        final float[][] taps = new float[TAPS][COUNT];
        /**
         * A 3×3 kernel that turns a neighbourhood into its pattern number, 2^t for tap t, with {@link #rounding}
         * as its bias: Σ 2^t·(bit + shift) − 511·shift + ½, summed exactly in float, truncates to the number.
         */
        final float[] bits = new float[TAPS];
        final float[] rounding = new float[1];
        private final float[][][] outputs;
        private float[][] table;
        private int channels;
        boolean stale = true;

        Patterns(float shift, int widestOutput) {
            rounding[0] = 0.5f - (COUNT - 1) * shift;
            for (int t = 0; t < TAPS; t++) {
                bits[t] = 1 << t;
                for (int pattern = 0; pattern < COUNT; pattern++) {
                    taps[t][pattern] = ((pattern >> t) & 1) + shift;
                }
            }
            outputs = new float[][][] {new float[widestOutput][COUNT], new float[widestOutput][COUNT]};
        }

        @Override
        public float[][] output(int index) {
            return outputs[index % 2];
        }

        /** The first layer's operand is the patterns themselves. */
        @Override
        public float[][] taps(float[][] in, int channels, int cells, boolean circular) {
            return taps;
        }

        /** Keeps the block's output planes (the first {@code channels} of {@code planes}) as the table. */
        void keep(float[][] planes, int channels) {
            this.table = planes;
            this.channels = channels;
            this.stale = false;
        }

        /**
         * Writes the table's value for each of the first {@code cells} cells, whose pattern numbers (plus a half) are
         * {@code numbers}, into {@code into}; the mask keeps cells of the border, whose taps may be stale, in range.
         */
        void lookUp(float[] numbers, int cells, float[][] into) {
            for (int c = 0; c < channels; c++) {
                float[] values = table[c];
                float[] plane = into[c];
                for (int p = 0; p < cells; p++) {
                    plane[p] = values[(int) numbers[p] & COUNT - 1];
                }
            }
        }
    }
}
