package org.minima.exact;

import java.util.List;
import java.util.stream.Collectors;

import org.minima.api.data.Game;
import org.minima.api.model.Activation;
import org.minima.api.model.LayerParams;
import org.minima.api.model.ParameterLayout;

/**
 * Reads a layout as chained step blocks and writes them: a block's 3×3 layer and first 1×1 hold a step (or, in a
 * pass-through block, the 3×3 copies the centre cell), every further 1×1 turns channel 0 into the 0/1 board, and the
 * network's last layer, the head, turns it into logits.
 */
final class StepBlocks {

    private StepBlocks() {
    }

    /** Checks that the layout is a chain of blocks, each a 3×3 convolution followed by 1×1 ones, ending in a head. */
    static void requireShape(ParameterLayout layout) {
        if (layout.layers().isEmpty()) {
            throw new IllegalArgumentException("the layout has no layers");
        }
        LayerParams head = layout.head();
        if (head.out() != 1 || head.kernelHeight() != 1 || head.kernelWidth() != 1
                || head.activation() != Activation.SIGMOID) {
            throw new IllegalArgumentException("the last layer " + head.name() + " must be a one-channel 1x1 sigmoid "
                    + "head");
        }
        int channels = layout.layers().get(0).in();
        for (LayerParams l : layout.layers()) {
            int kernel = l.position() == 0 ? 3 : 1;
            if (l.kernelHeight() != kernel || l.kernelWidth() != kernel) {
                throw new IllegalArgumentException("layer " + l.name() + " must be " + kernel + "x" + kernel
                        + ": a step block is a 3x3 convolution followed by 1x1 ones");
            }
            if (l.in() != channels) {
                throw new IllegalArgumentException("layer " + l.name() + " takes " + l.in() + " channels but the "
                        + "layer before gives " + channels);
            }
            if (l != head && l.activation() == Activation.SIGMOID) {
                throw new IllegalArgumentException("hidden layer " + l.name() + " must be relu or leaky-relu");
            }
            channels = l.out();
        }
    }

    /** Whether any hidden layer is a leaky ReLU. */
    static boolean leaky(ParameterLayout layout) {
        return layout.layers().stream().anyMatch(l -> l.activation() == Activation.LEAKY_RELU);
    }

    /**
     * Writes block {@code b}: one step of {@code construction}, or a pass-through when it is null.
     *
     * @throws IllegalArgumentException when the block cannot hold the construction
     */
    static void write(Weights w, ParameterLayout layout, int b, Construction construction, Game game,
                      double margin) {
        List<LayerParams> block = layout.block(b);
        boolean holdsHead = b == layout.blocks() - 1;
        LayerParams conv = block.get(0);
        State state;
        int next;
        if (construction == null) {
            w.kernel(conv, 0, game.neighbourhood(), 0, 1);
            state = State.BOARD;
            next = 1;
        } else {
            if (conv.out() < construction.filters()) {
                throw new IllegalArgumentException("construction " + construction + " needs "
                        + construction.filters() + " filters in each step's 3x3 layer but " + conv.name() + " has "
                        + conv.out() + (construction == Construction.R ? "; in the firner and springer-kenyon forms "
                        + "(2m filters) that is width m >= 2: use F or S8 for m = 1" : ""));
            }
            if (block.size() < (holdsHead ? 3 : 2)) {
                throw new IllegalArgumentException("construction " + construction + " needs a 1x1 layer between "
                        + conv.name() + " and the next block or the head");
            }
            state = construction.step(w, conv, block.get(1), game.neighbourhood());
            next = 2;
        }
        for (int i = next; i < block.size(); i++) {
            if (holdsHead && i == block.size() - 1) {
                state.toLogit(w, block.get(i), margin);
                return;
            }
            state.toBoard(w, block.get(i));
            state = State.BOARD;
        }
        if (state != State.BOARD) {
            throw new IllegalArgumentException("construction " + construction + " needs a second 1x1 layer in every "
                    + "step block but the last, to turn its inverted indicator into a 0/1 board (the firner form); "
                    + "block " + b + " is " + block.stream().map(LayerParams::name).collect(Collectors.joining(", ")));
        }
    }
}
