package org.minima.launcher;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.minima.api.Plugin;
import org.osgi.framework.BundleContext;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;

/** Finds Minima services in the framework by role (interface) and name ({@value Plugin#NAME}). */
final class ServiceCatalog {

    private static final long APPEAR_TIMEOUT_MS = 3_000;

    private final BundleContext context;

    ServiceCatalog(BundleContext context) {
        this.context = context;
    }

    /** Every service of {@code role}, by name. */
    <T extends Plugin> Map<String, T> all(Class<T> role) {
        Map<String, T> byName = new TreeMap<>();
        try {
            for (ServiceReference<T> ref : context.getServiceReferences(role, null)) {
                Object name = ref.getProperty(Plugin.NAME);
                T service = context.getService(ref);
                if (name != null && service != null) {
                    byName.putIfAbsent(name.toString(), service);
                }
            }
        } catch (InvalidSyntaxException e) {
            throw new IllegalStateException(e);
        }
        return byName;
    }

    /**
     * The service of {@code role} named {@code name}, waiting briefly for late registrations. When there is none, adds
     * a problem naming the key, its origin and the names available, and returns null.
     */
    <T extends Plugin> T bind(Class<T> role, String name, String key, String origin, List<String> problems) {
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
