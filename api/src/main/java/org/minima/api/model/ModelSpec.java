package org.minima.api.model;

import java.util.Objects;

/**
 * Which network to build for an n-step problem; the {@link Model} service that receives it decides the form
 * (Firner's blocks, Springer &amp; Kenyon's layers).
 *
 * @param steps      GoL steps n the network must compute, at least 1
 * @param width      width factor m, at least 1 (m = 1 is the minimal network)
 * @param depth      depth factor d, at least 1: the network has floor(n·d) step blocks
 * @param activation hidden-layer activation, {@link Activation#RELU} or {@link Activation#LEAKY_RELU}
 * @param padding    what the 3×3 convolutions read beyond the edge; {@link Padding#of} the game's boundary
 * @param inputShift added to every cell of the input before the first convolution, from −1 to 1 (0: none; −0.5 maps
 *                   the cells to ±0.5, as Firner's {@code BetterNet.forward} would); the padding beyond the edge is
 *                   that of the shifted input (zeros stay zeros, as PyTorch pads what the network receives)
 */
public record ModelSpec(int steps, int width, double depth, Activation activation, Padding padding,
                        double inputShift) {

    public ModelSpec {
        Objects.requireNonNull(activation, "activation");
        Objects.requireNonNull(padding, "padding");
        if (!(inputShift >= -1 && inputShift <= 1)) {
            throw new IllegalArgumentException("input shift " + inputShift + " is out of range -1..1");
        }
        if (steps < 1 || steps > 1000) {
            throw new IllegalArgumentException("steps " + steps + " is out of range 1..1000");
        }
        if (width < 1 || width > 1024) {
            throw new IllegalArgumentException("width factor m = " + width + " is out of range 1..1024");
        }
        if (!(depth >= 1 && depth <= 16)) {
            throw new IllegalArgumentException("depth factor d = " + depth + " is out of range 1..16");
        }
        if (activation == Activation.SIGMOID) {
            throw new IllegalArgumentException("hidden activation must be relu or leaky-relu, not sigmoid");
        }
    }

    /** A network with zero padding, for games with a dead boundary, reading the cells as they are. */
    public ModelSpec(int steps, int width, double depth, Activation activation) {
        this(steps, width, depth, activation, Padding.ZERO);
    }

    /** A network reading the cells as they are. */
    public ModelSpec(int steps, int width, double depth, Activation activation, Padding padding) {
        this(steps, width, depth, activation, padding, 0);
    }

    /** The same network with {@code newPadding}. */
    public ModelSpec withPadding(Padding newPadding) {
        return new ModelSpec(steps, width, depth, activation, newPadding, inputShift);
    }

    /** The same network with {@code shift} added to its input. */
    public ModelSpec withInputShift(double shift) {
        return new ModelSpec(steps, width, depth, activation, padding, shift);
    }

    /** Number of step blocks: floor(n·d). */
    public int blocks() {
        return (int) Math.floor(steps * depth + 1e-9);
    }
}
