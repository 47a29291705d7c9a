package org.minima.arch;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;

import org.deeplearning4j.util.ModelSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.minima.api.model.Activation;
import org.minima.api.model.LayerParams;
import org.minima.api.model.Model;
import org.minima.api.model.ModelSpec;
import org.minima.api.model.Network;
import org.minima.api.model.Padding;
import org.minima.api.model.ParameterLayout;
import org.minima.api.model.ParameterVector;
import org.minima.arch.dl4j.ConvChain;
import org.minima.testkit.RandomParameters;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class ConvNetworkTest {

    private static final List<Model> FORMS = List.of(new FirnerModel(), new SpringerKenyonModel());

    @TempDir
    Path dir;

    @Test
    void outputEqualsNaiveConvolutionForBothFormsActivationsAndBoardSizes() {
        for (Model model : FORMS) {
            for (Activation act : List.of(Activation.RELU, Activation.LEAKY_RELU)) {
                ModelSpec spec = new ModelSpec(2, 2, 1, act);
                ParameterVector p = handSet(model.layout(spec), 5);
                Network net = model.network(spec, p);
                NaiveNet naive = new NaiveNet(model.layout(spec), p);
                for (int size : new int[] {10, 5}) {
                    TestBoards boards = TestBoards.random(4, size, 0.5, size);
                    INDArray out = net.output(boards.array());
                    assertArrayEquals(new long[] {4, 1, size, size}, out.shape());
                    double min = 1;
                    double max = 0;
                    for (int b = 0; b < 4; b++) {
                        double[][] z = naive.logits(boards.cells()[b]);
                        for (int r = 0; r < size; r++) {
                            for (int c = 0; c < size; c++) {
                                double expected = 1 / (1 + Math.exp(-z[r][c]));
                                assertEquals(expected, out.getDouble(b, 0, r, c), 2e-6,
                                        model.description() + " " + act + " " + size + "x" + size);
                                min = Math.min(min, expected);
                                max = Math.max(max, expected);
                            }
                        }
                    }
                    assertTrue(max - min > 0.05, "the hand-set network must not be constant: " + min + ".." + max);
                }
            }
        }
    }

    @Test
    void lossEqualsNaiveBinaryCrossEntropy() {
        for (Model model : FORMS) {
            ModelSpec spec = new ModelSpec(2, 2, 1, Activation.LEAKY_RELU);
            ParameterVector p = handSet(model.layout(spec), 9);
            NaiveNet naive = new NaiveNet(model.layout(spec), p);
            TestBoards input = TestBoards.random(6, 7, 0.5, 1);
            TestBoards target = TestBoards.random(6, 7, 0.4, 2);
            double sum = 0;
            for (int b = 0; b < 6; b++) {
                double[][] z = naive.logits(input.cells()[b]);
                for (int r = 0; r < 7; r++) {
                    for (int c = 0; c < 7; c++) {
                        double prob = 1 / (1 + Math.exp(-z[r][c]));
                        double y = target.cells()[b][r][c];
                        sum -= y * Math.log(prob) + (1 - y) * Math.log(1 - prob);
                    }
                }
            }
            double expected = sum / (6 * 7 * 7);
            assertEquals(expected, model.network(spec, p).loss(input.array(), target.array()), 1e-6 * expected);
        }
    }

    /** At the logits of exact solutions a probability-based loss in float32 has no digits left. */
    @Test
    void lossIsPreciseAtLargeLogits() {
        for (Model model : FORMS) {
            ModelSpec spec = new ModelSpec(1, 1, 1, Activation.RELU);
            ParameterLayout layout = model.layout(spec);
            for (double logit : new double[] {10, 15, 20, -20}) {
                float[] v = new float[layout.size()];
                v[layout.head().biasIndex(0)] = (float) logit;
                Network net = model.network(spec, ParameterVector.of(v));
                INDArray boards = TestBoards.random(3, 5, 0.5, 3).array();
                INDArray ones = Nd4j.onesLike(boards);
                double alive = Math.log1p(Math.exp(-logit));
                double dead = Math.log1p(Math.exp(logit));
                assertEquals(alive, net.loss(boards, ones), 1e-12 * alive, "logit " + logit + ", alive cells");
                assertEquals(dead, net.loss(boards, Nd4j.zerosLike(boards)), 1e-12 * dead, "logit " + logit
                        + ", dead cells");
            }
        }
    }

    @Test
    void rejectsInputsThatAreNotOneChannelBoards() {
        Model model = FORMS.get(0);
        ModelSpec spec = new ModelSpec(1, 1, 1, Activation.RELU);
        Network net = model.network(spec, RandomParameters.gaussian(model.layout(spec), 0.3, 1));
        assertThrows(IllegalArgumentException.class, () -> net.output(Nd4j.zeros(2, 5, 5)));
        assertThrows(IllegalArgumentException.class, () -> net.output(Nd4j.zeros(2, 2, 5, 5)));
        assertThrows(IllegalArgumentException.class, () -> net.loss(Nd4j.zeros(2, 1, 5, 5), Nd4j.zeros(2, 1, 4, 5)));
    }

    @Test
    void parametersRoundTripThroughTheNetwork() {
        for (Model model : FORMS) {
            ModelSpec spec = new ModelSpec(3, 2, 1, Activation.RELU);
            Network net = model.network(spec, RandomParameters.gaussian(model.layout(spec), 0.3, 1));
            assertEquals(RandomParameters.gaussian(model.layout(spec), 0.3, 1), net.parameters());
            net.setParameters(RandomParameters.gaussian(model.layout(spec), 0.3, 2));
            assertEquals(RandomParameters.gaussian(model.layout(spec), 0.3, 2), net.parameters());
            assertEquals(spec, net.spec());
            assertEquals(model.layout(spec), net.layout());
        }
    }

    @Test
    void saveAndLoadRoundTripWithEitherPaddingAndAnInputShift() throws IOException {
        for (Model model : FORMS) {
            for (Padding padding : Padding.values()) {
                assertRoundTrip(model, new ModelSpec(2, 3, 1.5, Activation.LEAKY_RELU, padding, -0.5));
                assertRoundTrip(model, new ModelSpec(2, 3, 1.5, Activation.LEAKY_RELU, padding));
            }
        }
    }

    private void assertRoundTrip(Model model, ModelSpec spec) throws IOException {
        Network net = model.network(spec, handSet(model.layout(spec), 4));
        Path file = dir.resolve(model.getClass().getSimpleName() + "-" + spec.padding().label() + "-"
                + spec.inputShift() + ".zip");
        net.save(file);
        Network back = loadWithUselessContextClassLoader(model, file);
        assertEquals(spec, back.spec());
        assertEquals(net.layout(), back.layout());
        assertEquals(net.parameters(), back.parameters());
        INDArray boards = TestBoards.random(5, 6, 0.5, 8).array();
        assertEquals(net.output(boards), back.output(boards));
        assertEquals(net.loss(boards, boards), back.loss(boards, boards), 0);
    }

    @Test
    void loadRejectsOtherFormsAndForeignFiles() throws IOException {
        ModelSpec spec = new ModelSpec(1, 1, 1, Activation.RELU);
        Path firnerFile = dir.resolve("firner.zip");
        FORMS.get(0).network(spec, RandomParameters.gaussian(FORMS.get(0).layout(spec), 0.3, 1)).save(firnerFile);
        IOException wrongForm = assertThrows(IOException.class, () -> FORMS.get(1).load(firnerFile));
        assertTrue(wrongForm.getMessage().contains("firner"), wrongForm.getMessage());

        Path plain = dir.resolve("plain.zip");
        ParameterLayout layout = FORMS.get(0).layout(spec);
        ModelSerializer.writeModel(ConvChain.of(layout).network(ParameterVector.zeros(layout.size())),
                plain.toFile(), false);
        IOException foreign = assertThrows(IOException.class, () -> FORMS.get(0).load(plain));
        assertTrue(foreign.getMessage().contains("not written by"), foreign.getMessage());

        Path garbage = Files.writeString(dir.resolve("garbage.zip"), "not a zip");
        assertThrows(IOException.class, () -> FORMS.get(0).load(garbage));
        assertThrows(IOException.class, () -> FORMS.get(0).load(dir.resolve("missing.zip")));
    }

    /** Inside OSGi the context class loader may see nothing of DL4J; loading must not need it. */
    private static Network loadWithUselessContextClassLoader(Model model, Path file) throws IOException {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        try (URLClassLoader empty = new URLClassLoader(new URL[0], null)) {
            thread.setContextClassLoader(empty);
            return model.load(file);
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    /**
     * Weights from U(−1.5, 1.5) and biases from U(0, 0.5), so that units stay alive through the layers and a wrong
     * weight order would change the output.
     */
    static ParameterVector handSet(ParameterLayout layout, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        float[] v = new float[layout.size()];
        for (LayerParams l : layout.layers()) {
            for (int i = 0; i < l.weightCount(); i++) {
                v[l.weightOffset() + i] = (float) random.nextDouble(-1.5, 1.5);
            }
            for (int o = 0; o < l.out(); o++) {
                v[l.biasIndex(o)] = (float) random.nextDouble(0, 0.5);
            }
        }
        return ParameterVector.of(v);
    }
}
