package org.minima.walk;

import java.util.List;
import java.util.SplittableRandom;

import org.minima.api.InvalidOption;
import org.minima.api.OptionSpec;
import org.minima.api.OptionType;
import org.minima.api.Plugin;
import org.minima.api.Settings;
import org.minima.api.Table;
import org.minima.api.data.BoardStream;
import org.minima.api.data.Boards;
import org.minima.api.model.ParameterLayout;
import org.minima.api.model.ParameterVector;
import org.minima.api.probe.LandscapeProbe;
import org.minima.api.run.Study;
import org.minima.api.train.TrainedModel;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.GradientUpdater;
import org.nd4j.linalg.learning.config.Adam;
import org.osgi.service.component.annotations.Component;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The low-loss curve (Garipov et al. 2018; REFERENCE.md section 6), as the {@link LandscapeProbe}
 * {@code low-loss-curve}: a quadratic {@link Bezier} curve from each trained model to the aligned exact end point
 * (as {@link AlignedWalk} aligns it) whose control point, starting at the straight line's midpoint, is trained with
 * Adam to lower the loss along the curve: each step draws t uniformly, a fresh batch of the probe stream
 * {@code curve-seed}, and moves the control point by the loss's gradient at θ(t) times ∂θ(t)/∂control. The trained
 * curve is then measured at t = k/points on the walks' boards. A barrier that falls to about zero on the curve
 * belonged to the straight line, not to the landscape. Table {@code low_loss_curve}: the walk's columns with
 * {@code alpha} as t, plus {@code straight_barrier} (the straight line between the same two ends, on the same boards)
 * and {@code control_l1} (how far training moved the control point from the midpoint).
 */
@Component(service = LandscapeProbe.class, property = Plugin.NAME + "=" + LowLossCurve.NAME)
public final class LowLossCurve extends WalkProbe {

    static final String NAME = "low-loss-curve";
    static final String TABLE = "low_loss_curve";
    static final List<String> CURVE_COLUMNS = withAfterBarrier("straight_barrier", "control_l1");
    static final String STEPS = "steps";
    static final String BATCH_SIZE = "batch-size";
    static final String LEARNING_RATE = "learning-rate";
    static final String CURVE_SEED = "curve-seed";

    private static final Logger LOG = LoggerFactory.getLogger(LowLossCurve.class);

    public LowLossCurve() {
        super(NAME, TABLE);
    }

    @Override
    public String description() {
        return "Loss along a quadratic Bezier curve from each trained model to the aligned exact solution, its"
                + " control point trained to lower the loss on it (mode connectivity), beside the straight line's";
    }

    @Override
    List<OptionSpec> ownOptions() {
        return List.of(
                OptionSpec.number(STEPS, OptionType.INT, "1000", 0.0, 10_000_000.0,
                        "Adam steps on the control point, one fresh batch and one t each; 0: the straight line."),
                OptionSpec.number(BATCH_SIZE, OptionType.INT, "128", 1.0, 100_000.0,
                        "Boards per step, at the model's training size."),
                OptionSpec.number(LEARNING_RATE, OptionType.DOUBLE, "0.01", 1e-9, 10.0,
                        "Adam's learning rate for the control point (beta 0.9/0.999, epsilon 1e-8)."),
                OptionSpec.number(CURVE_SEED, OptionType.LONG, "1", 0.0, null,
                        "Seed of the probe stream the steps draw boards from, and, with the model's seed, of t."));
    }

    @Override
    public List<String> columns() {
        return CURVE_COLUMNS;
    }

    /** The curve must not be trained on the boards it is measured on. */
    @Override
    public void check(Study study) {
        Settings settings = study.settings();
        if (settings.getLong(CURVE_SEED) == settings.getLong(SEED)) {
            throw new InvalidOption(CURVE_SEED, "the curve would be trained on the boards it is measured on (both"
                    + " are the probe stream of seed " + settings.getLong(SEED) + "); give " + NAME + "."
                    + CURVE_SEED + " and " + NAME + "." + SEED + " different values");
        }
        super.check(study);
    }

    @Override
    void walk(TrainedModel trained, ParameterLayout layout, Endpoint end, Walker walker, Table.Builder rows) {
        ParameterVector aligned = Alignment.align(layout, end.parameters(), trained.parameters());
        Bezier line = Bezier.straight(trained.parameters(), aligned);
        Bezier curve = train(line, trained, walker);
        Walk straight = walker.to(aligned);
        Walk walk = walker.along(curve::at, aligned);
        double controlL1 = curve.control().l1Distance(line.control());
        LOG.debug("{}: curve barrier {}, straight {}, control moved {}", trained.id(), walk.barrier(),
                straight.barrier(), controlL1);
        for (Walk.Point point : walk.points()) {
            rows.row(walk.row(point, straight.barrier(), controlL1, end.construction(), end.margin(),
                    end.polish()));
        }
    }

    /** Trains the control point of {@code line} with Adam, as the class comment says. */
    private static Bezier train(Bezier line, TrainedModel trained, Walker walker) {
        Settings settings = walker.settings();
        int steps = settings.getInt(STEPS);
        int batch = settings.getInt(BATCH_SIZE);
        long seed = settings.getLong(CURVE_SEED);
        SplittableRandom random = new SplittableRandom(seed * 1_000_003L + trained.seed());
        int size = line.control().size();
        Adam adam = new Adam(settings.getDouble(LEARNING_RATE), 0.9, 0.999, 1e-8);
        GradientUpdater<?> updater = adam.instantiate(Nd4j.create(DataType.FLOAT, 1, adam.stateSize(size)), true);
        INDArray control = Nd4j.createFromArray(line.control().toArray());
        Bezier curve = line;
        for (int step = 0; step < steps; step++) {
            double t = random.nextDouble();
            Boards boards = walker.dataset().sample(trained.data(), BoardStream.probe(seed), step, batch);
            walker.network().setParameters(curve.at(t));
            INDArray gradient = Nd4j.createFromArray(walker.network().gradient(boards.input(), boards.target())
                    .toArray()).muli(Bezier.controlWeight(t));
            updater.applyUpdater(gradient, step, 0);
            control.subi(gradient);
            curve = curve.withControl(ParameterVector.of(control.toFloatVector()));
        }
        return curve;
    }
}
