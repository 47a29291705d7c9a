package org.minima.train;

import java.util.List;

import org.minima.api.InvalidOption;
import org.minima.api.OptionSpec;
import org.minima.api.OptionType;
import org.minima.api.Plugin;
import org.minima.api.Settings;
import org.minima.api.data.BoardShape;
import org.minima.api.data.Boundary;
import org.minima.api.model.Padding;
import org.minima.api.model.ParameterLayout;
import org.minima.api.run.Study;
import org.minima.api.train.Trainer;
import org.minima.api.train.TrainingJob;
import org.minima.api.train.TrainingMonitor;
import org.minima.api.train.TrainingResult;
import org.osgi.service.component.annotations.Component;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Trains the convolutional network: by default on Java planes of boards in the Java Vector API (the plane engine,
 * several times faster than the others), or as a few large ND4J operations (the fused engine), or as DL4J's own
 * MultiLayerNetwork; all three update with ND4J's own Adam or SGD.
 */
@Component(service = Trainer.class, property = Plugin.NAME + "=" + Dl4jTrainer.NAME)
public final class Dl4jTrainer implements Trainer {

    static final String NAME = "dl4j";
    static final String ENGINE = "engine";
    static final String PLANES = "planes";
    static final String FUSED = "fused";
    static final String NETWORK = "network";
    static final String DROPOUT = "dropout";
    static final String VECTOR_MODULE = "jdk.incubator.vector";

    private static final Logger LOG = LoggerFactory.getLogger(Dl4jTrainer.class);

    @Override
    public String description() {
        return "Adam/SGD on binary cross-entropy over all cells, fresh boards every batch (DL4J/ND4J)";
    }

    @Override
    public List<OptionSpec> options() {
        return List.of(OptionSpec.choice(ENGINE, PLANES, List.of(PLANES, FUSED, NETWORK),
                "planes: the network on Java planes of boards in the Java Vector API (fastest); fused: whole-network"
                        + " ND4J computation; network: DL4J MultiLayerNetwork of ConvolutionLayers"),
                OptionSpec.number(DROPOUT, OptionType.DOUBLE, "0", 0.0, 0.95,
                        "Dropout2d probability after the 3x3 convolution of every step block but the last, in"
                                + " training only (Firner's --normalize: 0.4); planes and fused engines."));
    }

    /**
     * The plane engine needs the Java Vector API module in the JVM; DL4J's own network is not given Firner's channel
     * dropout, nor circular padding (its convolution layers pad zeros): all three are refused before any work.
     */
    @Override
    public void check(Study study) {
        Settings settings = study.settings();
        if (settings.getString(ENGINE).equals(PLANES) && ModuleLayer.boot().findModule(VECTOR_MODULE).isEmpty()) {
            throw new InvalidOption(ENGINE, "engine = " + PLANES + " computes in the Java Vector API, and this JVM was"
                    + " started without it: start java with --add-modules " + VECTOR_MODULE + " (./minima does), or"
                    + " set dl4j.engine = " + FUSED);
        }
        if (!settings.getString(ENGINE).equals(NETWORK)) {
            return;
        }
        if (settings.getDouble(DROPOUT) > 0) {
            throw new InvalidOption(DROPOUT, "dropout " + settings.getDouble(DROPOUT) + " needs engine = " + FUSED
                    + "; the network engine has no channel dropout");
        }
        if (study.experiment().games().stream().anyMatch(game -> game.boundary() == Boundary.TOROIDAL)) {
            throw new InvalidOption(ENGINE, "data.boundary = toroidal needs engine = " + FUSED + ": the network"
                    + " engine's DL4J convolution layers pad with zeros and cannot wrap around the board");
        }
    }

    @Override
    public TrainingResult train(TrainingJob job, TrainingMonitor monitor) {
        LOG.debug("training {} with the {} engine", job.id(), job.options().getString(ENGINE));
        return TrainingLoop.run(job, engine(job), monitor);
    }

    static Engine engine(TrainingJob job) {
        ParameterLayout layout = job.model().layout(job.modelSpec());
        BoardShape shape = job.data().shape();
        if (job.options().getString(ENGINE).equals(NETWORK)) {
            if (job.modelSpec().padding() != Padding.ZERO) {
                throw new IllegalArgumentException("the network engine pads with zeros only, not "
                        + job.modelSpec().padding().label() + ": train " + job.id() + " with engine = " + FUSED);
            }
            return new NetworkEngine(layout, job.initial(), job.frozenBlocks(), job.training().optimizer(),
                    shape.cells(), job.modelSpec().inputShift());
        }
        Dropout dropout = new Dropout(job.options().getDouble(DROPOUT), job.seed());
        if (job.options().getString(ENGINE).equals(PLANES)) {
            return new PlaneEngine(layout, job.modelSpec(), job.initial(), job.frozenBlocks(),
                    job.training().optimizer(), job.training().batchSize(), shape.height(), shape.width(), dropout,
                    FusedLayer.FLUSH_BELOW);
        }
        return new FusedEngine(layout, job.modelSpec(), job.initial(), job.frozenBlocks(), job.training().optimizer(),
                job.training().batchSize(), shape.height(), shape.width(), dropout, FusedLayer.FLUSH_BELOW);
    }
}
