package org.minima.it.probe;

import java.util.Hashtable;
import java.util.List;

import org.minima.api.OptionSpec;
import org.minima.api.OptionType;
import org.minima.api.Plugin;
import org.minima.api.Table;
import org.minima.api.probe.LandscapeProbe;
import org.minima.api.run.RunContext;
import org.minima.api.train.TrainedModel;
import org.osgi.framework.BundleActivator;
import org.osgi.framework.BundleContext;

/**
 * A third-party probe as the serve-mode tests deploy it, registered by its activator under the name in header
 * {@code Minima-Probe-Name}. Header {@code Minima-Probe-Behaviour} says what it does: {@code rows} (one row per
 * model: the bundle's version, the model's parameter count times option {@code scale}), {@code slow} (the same
 * rows after a few seconds per model), {@code paced} (after 0.15 s per model), {@code throw}, or {@code hang} (sleeps
 * until interrupted).
 */
public final class ScriptedProbe implements LandscapeProbe, BundleActivator {

    private static final long SLOW_MS = 4000;
    private static final long PACED_MS = 150;

    private String name;
    private String behaviour;
    private String version;

    @Override
    public void start(BundleContext context) {
        name = context.getBundle().getHeaders().get("Minima-Probe-Name");
        behaviour = context.getBundle().getHeaders().get("Minima-Probe-Behaviour");
        version = context.getBundle().getVersion().toString();
        Hashtable<String, Object> properties = new Hashtable<>();
        properties.put(Plugin.NAME, name);
        context.registerService(LandscapeProbe.class, this, properties);
    }

    @Override
    public void stop(BundleContext context) {
        // the framework unregisters the service
    }

    @Override
    public String description() {
        return "a scripted test probe (" + behaviour + ")";
    }

    @Override
    public List<OptionSpec> options() {
        return List.of(OptionSpec.number("scale", OptionType.DOUBLE, "1", 0.0, null, "Multiplies the count."));
    }

    @Override
    public String table() {
        return name.replace('-', '_');
    }

    @Override
    public List<String> columns() {
        return List.of("bundle_version", "scaled_parameters");
    }

    @Override
    public Table probe(TrainedModel model, RunContext context) throws Exception {
        switch (behaviour) {
            case "throw" -> throw new IllegalStateException("scripted failure of " + name);
            case "hang" -> Thread.sleep(Long.MAX_VALUE);
            case "slow" -> Thread.sleep(SLOW_MS);
            case "paced" -> Thread.sleep(PACED_MS);
            default -> {
            }
        }
        double scaled = model.parameters().size() * context.settings().getDouble("scale");
        return Table.builder(table(), columns()).row(version, scaled).build();
    }
}
