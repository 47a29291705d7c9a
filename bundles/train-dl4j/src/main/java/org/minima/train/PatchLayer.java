package org.minima.train;

import static org.nd4j.linalg.indexing.NDArrayIndex.all;
import static org.nd4j.linalg.indexing.NDArrayIndex.interval;
import static org.nd4j.linalg.indexing.NDArrayIndex.point;

import java.util.ArrayList;
import java.util.List;

import org.minima.api.model.LayerParams;
import org.minima.api.model.Padding;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.Op;
import org.nd4j.linalg.api.ops.impl.scalar.ScalarSet;
import org.nd4j.linalg.api.ops.impl.transforms.any.Assign;
import org.nd4j.linalg.api.ops.impl.transforms.pairwise.arithmetic.Axpy;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.INDArrayIndex;

/**
 * A k×k "same" convolution as a product with a patch matrix {@code [in·k·k, B·H·W]}. The input is copied into a
 * bordered buffer {@code [in, B, H+2p, W+2p]} and each patch row is one strided view of it (faster than ND4J's im2col
 * here). The border stays zero, or under circular padding (a toroidal game) is filled from the opposite edge before
 * every pass: rows first, then whole columns, so the corners receive the diagonally opposite cells.
 *
 * <p>Backward needs the opposite, a scatter-add of every patch row into the bordered input gradient. ND4J adds
 * strided views about six times slower than it copies them, so each row is first copied into its own zero-bordered
 * image; on the flattened bordered layout a k×k shift is a shift of the flat index, and the sum becomes contiguous
 * adds of offset slices. Under circular padding the gradient that reached the border is then folded back onto the
 * opposite edge (columns first, then rows: the transpose of the fill).
 */
final class PatchLayer extends FusedLayer {

    private final INDArray padded;
    private final INDArray paddedInterior;
    private final INDArray patches;
    private final INDArray[] shiftedInput;
    private final INDArray[] patchRows;
    private final INDArray patchGrad;
    private final INDArray[] patchGradRows;
    private final INDArray[] borderedGradInteriors;
    private final INDArray[] borderedGradRows;
    private final INDArray[] inputGradSlices;
    private final INDArray inputGradFlat;
    private final INDArray[] inputGradInteriors;
    private final long[] interiorShape;
    private final Op[] patchCopies;
    private final Op[] gradCopies;
    private final Op[] gradAdds;
    private final Op clearInputGrad;
    private final Op[] borderFills;
    private final Op[] borderFolds;
    private Op inputCopy;
    private Op[] inputGradCopies;

    PatchLayer(LayerParams spec, Role role, INDArray params, INDArray gradient, int batch, int height, int width,
               Padding padding) {
        super(spec, role, params, gradient, (long) batch * height * width);
        int kh = spec.kernelHeight();
        int kw = spec.kernelWidth();
        int padH = kh / 2;
        int padW = kw / 2;
        long rows = (long) batch * height * width;
        long borderedHeight = height + 2L * padH;
        long borderedWidth = width + 2L * padW;
        long image = batch * borderedHeight * borderedWidth;
        // one flat margin of the largest shift on each side, so every shifted slice stays inside the buffer
        long margin = padH * borderedWidth + padW;
        interiorShape = new long[] {spec.in(), batch, height, width};
        padded = Nd4j.create(DataType.FLOAT, spec.in(), batch, borderedHeight, borderedWidth);
        paddedInterior = interior(padded, padH, padW, height, width);
        patches = Nd4j.create(DataType.FLOAT, spec.fanIn() + 1, rows);
        patches.get(point(spec.fanIn()), all()).assign(1);
        patchGrad = Nd4j.create(DataType.FLOAT, spec.fanIn() + 1, rows);
        patchCopies = new Op[spec.fanIn()];
        gradCopies = new Op[spec.fanIn()];
        gradAdds = new Op[spec.fanIn()];
        INDArray borderedGrad = Nd4j.create(DataType.FLOAT, spec.fanIn(), batch, borderedHeight, borderedWidth);
        INDArray borderedGradFlat = borderedGrad.reshape('c', spec.fanIn(), image);
        inputGradFlat = Nd4j.create(DataType.FLOAT, spec.in(), image + 2 * margin);
        clearInputGrad = new ScalarSet(inputGradFlat, inputGradFlat, inputGradFlat, 0);
        inputGradInteriors = new INDArray[spec.in()];
        List<Op> folds = new ArrayList<>();
        for (int c = 0; c < spec.in(); c++) {
            INDArray bordered = inputGradFlat.get(point(c), interval(margin, margin + image))
                    .reshape('c', 1, batch, borderedHeight, borderedWidth);
            inputGradInteriors[c] = bordered.get(point(0), all(), interval(padH, padH + height),
                    interval(padW, padW + width));
            if (padding == Padding.CIRCULAR) {
                folds.addAll(wrap(bordered, padH, padW, height, width, true));
            }
        }
        borderFolds = folds.toArray(Op[]::new);
        borderFills = padding == Padding.CIRCULAR
                ? wrap(padded, padH, padW, height, width, false).toArray(Op[]::new) : new Op[0];
        shiftedInput = new INDArray[spec.fanIn()];
        patchRows = new INDArray[spec.fanIn()];
        patchGradRows = new INDArray[spec.fanIn()];
        borderedGradInteriors = new INDArray[spec.fanIn()];
        borderedGradRows = new INDArray[spec.fanIn()];
        inputGradSlices = new INDArray[spec.fanIn()];
        for (int c = 0; c < spec.in(); c++) {
            for (int r = 0; r < kh; r++) {
                for (int s = 0; s < kw; s++) {
                    int row = (c * kh + r) * kw + s;
                    shiftedInput[row] = padded.get(point(c), all(), interval(r, r + height), interval(s, s + width));
                    patchRows[row] = patches.get(point(row), all()).reshape('c', batch, height, width);
                    patchGradRows[row] = patchGrad.get(point(row), all()).reshape('c', batch, height, width);
                    borderedGradInteriors[row] = borderedGrad.get(point(row), all(), interval(padH, padH + height),
                            interval(padW, padW + width));
                    borderedGradRows[row] = borderedGradFlat.get(point(row), all());
                    // patch (r, s) read input at offset (r − padH, s − padW): its gradient flows back there
                    long shift = (r - padH) * borderedWidth + (s - padW);
                    inputGradSlices[row] = inputGradFlat.get(point(c), interval(margin + shift,
                            margin + shift + image));
                    // Assign(x, z) copies x into z
                    patchCopies[row] = new Assign(shiftedInput[row], patchRows[row]);
                    gradCopies[row] = new Assign(patchGradRows[row], borderedGradInteriors[row]);
                    gradAdds[row] = new Axpy(borderedGradRows[row], inputGradSlices[row], inputGradSlices[row], 1.0);
                }
            }
        }
    }
    @Override
    void connect(FusedLayer before) {
        super.connect(before);
        inputCopy = new Assign(before.output.reshape('c', interiorShape), paddedInterior);
        inputGradCopies = new Op[spec.in()];
        for (int c = 0; c < spec.in(); c++) {
            INDArray image = before.outputGrad.get(point(c), all()).reshape('c', interiorShape[1], interiorShape[2],
                    interiorShape[3]);
            inputGradCopies[c] = new Assign(inputGradInteriors[c], image);
        }
    }

    /** The zero-bordered input buffer, so the data can be written into it directly. */
    INDArray padded() {
        return padded;
    }

    @Override
    INDArray operand() {
        return patches;
    }

    /**
     * Copies the input into the padded buffer (the first layer's data is written there directly), fills a circular
     * border, and copies the patches.
     */
    @Override
    void prepare() {
        if (inputCopy != null) {
            exec(inputCopy);
        }
        exec(borderFills);
        exec(patchCopies);
    }

    @Override
    INDArray operandGrad() {
        return patchGrad;
    }

    @Override
    void propagate() {
        exec(clearInputGrad);
        for (int row = 0; row < gradCopies.length; row++) {
            exec(gradCopies[row], gradAdds[row]);
        }
        exec(borderFolds);
        exec(inputGradCopies);
    }

    /**
     * The ops of a circular border on a bordered buffer {@code [., B, H+2p, W+2p]}: the fill copies each edge's cells
     * into the opposite border (rows over the interior columns, then columns over every row); the fold adds each
     * border's gradient onto the edge it was filled from (columns, then rows), the fill's transpose.
     */
    private static List<Op> wrap(INDArray bordered, int padH, int padW, int height, int width, boolean fold) {
        INDArrayIndex columns = interval(padW, padW + width);
        INDArrayIndex rows = all();
        List<Op> rowOps = List.of(
                edge(bordered, interval(0, padH), columns, interval(height, height + padH), columns, fold),
                edge(bordered, interval(height + padH, height + 2 * padH), columns, interval(padH, 2 * padH),
                        columns, fold));
        List<Op> columnOps = List.of(
                edge(bordered, rows, interval(0, padW), rows, interval(width, width + padW), fold),
                edge(bordered, rows, interval(width + padW, width + 2 * padW), rows, interval(padW, 2 * padW), fold));
        List<Op> ops = new ArrayList<>(fold ? columnOps : rowOps);
        ops.addAll(fold ? rowOps : columnOps);
        return ops;
    }

    /** Fill: the edge cells (source) into the border; fold: the border's gradient added onto the edge cells. */
    private static Op edge(INDArray bordered, INDArrayIndex borderRows, INDArrayIndex borderColumns,
                           INDArrayIndex edgeRows, INDArrayIndex edgeColumns, boolean fold) {
        INDArray border = bordered.get(all(), all(), borderRows, borderColumns);
        INDArray edge = bordered.get(all(), all(), edgeRows, edgeColumns);
        return fold ? new Axpy(border, edge, edge, 1.0) : new Assign(edge, border);
    }

    private static INDArray interior(INDArray buffer, int padH, int padW, int height, int width) {
        return buffer.get(all(), all(), interval(padH, padH + height), interval(padW, padW + width));
    }
}
