package org.minima.launcher.framework;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.minima.api.Plugin;
import org.minima.api.data.Dataset;
import org.minima.api.eval.Evaluator;
import org.minima.api.model.Model;
import org.minima.api.model.Solutions;
import org.minima.api.probe.LandscapeProbe;
import org.minima.api.run.Analysis;
import org.minima.api.run.Plot;
import org.minima.api.train.Trainer;
import org.osgi.framework.BundleContext;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Finds Minima services in the framework by role (interface) and name ({@value Plugin#NAME}). */
public final class ServiceCatalog {

    /** The roles a profile binds, in the order {@code ./minima services} lists them. */
    public static final List<Class<? extends Plugin>> ROLES = List.of(Dataset.class, Model.class, Solutions.class,
            Trainer.class, Evaluator.class, Analysis.class, LandscapeProbe.class, Plot.class);

    private static final Logger LOG = LoggerFactory.getLogger(ServiceCatalog.class);
    private static final long APPEAR_TIMEOUT_MS = 3_000;

    private final BundleContext context;

    public ServiceCatalog(BundleContext context) {
        this.context = context;
    }

    /**
     * Every service of {@code role}, by name. When two share a name (a bundle in deploy/ reusing a built-in name),
     * the one with the highest service ranking wins, as OSGi's own lookup would choose, and a warning says so.
     */
    public <T extends Plugin> Map<String, T> all(Class<T> role) {
        Map<String, ServiceReference<T>> byName = new TreeMap<>();
        for (ServiceReference<T> ref : references(role)) {
            Object name = ref.getProperty(Plugin.NAME);
            if (name == null) {
                continue;
            }
            ServiceReference<T> other = byName.get(name.toString());
            if (other != null) {
                LOG.warn("two {} services are named '{}' (bundles {} and {}); using the higher-ranked one",
                        role.getSimpleName(), name, ref.getBundle().getSymbolicName(),
                        other.getBundle().getSymbolicName());
            }
            if (other == null || ref.compareTo(other) > 0) {
                byName.put(name.toString(), ref);
            }
        }
        Map<String, T> services = new TreeMap<>();
        byName.forEach((name, ref) -> {
            T service = context.getService(ref);
            if (service != null) {
                services.put(name, service);
            }
        });
        return services;
    }

    /** The names of every installed service, whatever its role. */
    public Set<String> names() {
        Set<String> names = new TreeSet<>();
        for (Class<? extends Plugin> role : ROLES) {
            for (ServiceReference<? extends Plugin> ref : references(role)) {
                Object name = ref.getProperty(Plugin.NAME);
                if (name != null) {
                    names.add(name.toString());
                }
            }
        }
        return names;
    }

    private <T> Collection<ServiceReference<T>> references(Class<T> role) {
        try {
            return context.getServiceReferences(role, null);
        } catch (InvalidSyntaxException e) {
            throw new IllegalStateException("a null filter cannot be invalid", e);
        }
    }

    /**
     * The service of {@code role} named {@code name}, waiting briefly for late registrations. When there is none, adds
     * a problem naming the key, its origin and the names available, and returns null.
     */
    public <T extends Plugin> T bind(Class<T> role, String name, String key, String origin, List<String> problems) {
        long deadline = System.currentTimeMillis() + APPEAR_TIMEOUT_MS;
        while (true) {
            Map<String, T> available = all(role);
            T service = available.get(name);
            if (service != null) {
                return service;
            }
            if (System.currentTimeMillis() > deadline) {
                problems.add(origin + ": key '" + key + "': no " + role.getSimpleName() + " service named '" + name
                        + "'; available: " + (available.isEmpty() ? "(none installed)"
                        : String.join(", ", available.keySet())));
                return null;
            }
            sleep();
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for services", e);
        }
    }
}
