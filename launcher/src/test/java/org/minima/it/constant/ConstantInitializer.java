package org.minima.it.constant;

import java.util.Arrays;
import java.util.Hashtable;
import java.util.List;
import java.util.Set;

import org.minima.api.InvalidOption;
import org.minima.api.OptionSpec;
import org.minima.api.OptionType;
import org.minima.api.Plugin;
import org.minima.api.init.InitRequest;
import org.minima.api.init.Initialization;
import org.minima.api.init.Initializer;
import org.minima.api.model.ParameterVector;
import org.minima.api.run.Study;
import org.osgi.framework.BundleActivator;
import org.osgi.framework.BundleContext;

/**
 * A third-party initializer as an integration test deploys it: every parameter set to option {@code value}, the
 * blocks of option {@code freeze} frozen. Packaged with a hand-written manifest and registered by its activator, so
 * it depends on nothing but the published API and the OSGi framework.
 */
public final class ConstantInitializer implements Initializer, BundleActivator {

    /** The name it is registered under. */
    public static final String NAME = "constant";

    @Override
    public void start(BundleContext context) {
        Hashtable<String, Object> properties = new Hashtable<>();
        properties.put(Plugin.NAME, NAME);
        context.registerService(Initializer.class, this, properties);
    }

    @Override
    public void stop(BundleContext context) {
        // the framework unregisters the service
    }

    @Override
    public String description() {
        return "every parameter the same value; chosen blocks frozen";
    }

    @Override
    public List<OptionSpec> options() {
        return List.of(OptionSpec.number("value", OptionType.DOUBLE, "0.01", -10.0, 10.0, "The value."),
                OptionSpec.number("freeze", OptionType.INT_LIST, "", 0.0, null, "Blocks to freeze."));
    }

    /** Every frozen block must exist in the shallowest network of the grid. */
    @Override
    public void check(Study study) {
        int fewest = study.experiment().steps().stream()
                .mapToInt(n -> study.experiment().modelSpec(n, 1).blocks()).min().orElseThrow();
        for (int block : study.settings().getIntList("freeze")) {
            if (block >= fewest) {
                throw new InvalidOption("freeze", "block " + block + " does not exist in a network of " + fewest
                        + " blocks");
            }
        }
    }

    @Override
    public Initialization initialise(InitRequest request) {
        float[] values = new float[request.layout().size()];
        Arrays.fill(values, (float) request.options().getDouble("value"));
        return new Initialization(ParameterVector.of(values), Set.copyOf(request.options().getIntList("freeze")));
    }
}
