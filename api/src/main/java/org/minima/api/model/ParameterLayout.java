package org.minima.api.model;

import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;

/**
 * The structured view of a network's flat parameter vector: its convolution layers in forward order, grouped into
 * step blocks. Every parameter index belongs to exactly one layer.
 *
 * @param layers the layers in forward order
 * @param size   total number of parameters
 */
public record ParameterLayout(List<LayerParams> layers, int size) {

    public ParameterLayout {
        layers = List.copyOf(layers);
        int total = layers.stream().mapToInt(LayerParams::size).sum();
        if (total != size) {
            throw new IllegalArgumentException("layers hold " + total + " parameters, not " + size);
        }
    }

    /** Number of step blocks. */
    public int blocks() {
        return layers.isEmpty() ? 0 : layers.get(layers.size() - 1).block() + 1;
    }

    /** The layers of block {@code b}, in forward order. */
    public List<LayerParams> block(int b) {
        return layers.stream().filter(l -> l.block() == b).toList();
    }

    /** The last layer: the sigmoid head. */
    public LayerParams head() {
        return layers.get(layers.size() - 1);
    }

    /** Number of parameters in block {@code b}. */
    public int blockSize(int b) {
        return block(b).stream().mapToInt(LayerParams::size).sum();
    }

    /** The flat indices of every parameter in the given blocks, ascending. */
    public int[] indicesOf(Set<Integer> blocks) {
        return layers.stream()
                .filter(l -> blocks.contains(l.block()))
                .flatMapToInt(l -> IntStream.concat(
                        IntStream.range(l.weightOffset(), l.weightOffset() + l.weightCount()),
                        IntStream.range(l.biasOffset(), l.biasOffset() + l.out())))
                .sorted()
                .toArray();
    }
}
