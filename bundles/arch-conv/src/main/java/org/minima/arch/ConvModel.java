package org.minima.arch;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.util.ModelSerializer;
import org.minima.api.model.Model;
import org.minima.api.model.ModelSpec;
import org.minima.api.model.Network;
import org.minima.api.model.ParameterLayout;
import org.minima.api.model.ParameterVector;
import org.minima.arch.dl4j.ConvChain;
import org.nd4j.linalg.lossfunctions.impl.LossBinaryXENT;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The {@link Model} service of one {@link Form}; the registered components only choose the form. */
public abstract class ConvModel implements Model {

    private static final Logger LOG = LoggerFactory.getLogger(ConvModel.class);

    private final Form form;

    ConvModel(Form form) {
        this.form = form;
    }

    @Override
    public String description() {
        return form.description();
    }

    /** Every spec the API admits fits either form, unless its parameters outgrow a {@code float[]}. */
    @Override
    public void check(ModelSpec spec) {
        form.layout(spec);
    }

    @Override
    public ParameterLayout layout(ModelSpec spec) {
        return form.layout(spec);
    }

    @Override
    public Network network(ModelSpec spec, ParameterVector parameters) {
        ParameterLayout layout = form.layout(spec);
        MultiLayerNetwork net = ConvChain.of(layout).withLoss(new LossBinaryXENT()).network(parameters);
        return new ConvNetwork(new SavedSpec(form, spec), layout, net);
    }

    @Override
    public Network load(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new NoSuchFileException(file.toString());
        }
        File f = file.toFile();
        SavedSpec saved;
        MultiLayerNetwork net;
        try {
            if (!ModelSerializer.listObjectsInFile(f).contains(SavedSpec.KEY)) {
                throw new IOException(file + " has no " + SavedSpec.KEY + " entry: it was not written by a Minima "
                        + "convolutional network's save");
            }
            saved = SavedSpec.decode(ModelSerializer.getObjectFromFile(f, SavedSpec.KEY));
            net = ModelSerializer.restoreMultiLayerNetwork(f, false);
        } catch (RuntimeException e) {
            throw new IOException("cannot read a DL4J model from " + file + ": " + e.getMessage(), e);
        }
        if (saved.form() != form) {
            throw new IOException(file + " holds a " + saved.form().label() + " network, not a " + form.label()
                    + " one");
        }
        ParameterLayout layout = form.layout(saved.spec());
        try {
            ConvChain.requireMatches(layout, net);
        } catch (IllegalArgumentException e) {
            throw new IOException(file + " does not hold the " + form.label() + " network of " + saved.spec()
                    + ": " + e.getMessage(), e);
        }
        LOG.debug("loaded {} network {} from {}", form.label(), saved.spec(), file);
        return new ConvNetwork(saved, layout, net);
    }
}
