package org.minima.launcher.framework;

import java.util.EnumMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import org.minima.api.Plugin;
import org.minima.api.Role;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;
import org.osgi.util.tracker.ServiceTracker;
import org.osgi.util.tracker.ServiceTrackerCustomizer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Minima's services in the framework, by role and name ({@value Plugin#NAME}): one {@link ServiceTracker} per role
 * follows the registrations, and only the services a caller binds are got (and ungot on {@link #close()}). When a
 * service cannot be got (its component failed to activate), {@link #bind} says why through {@link Diagnostics}.
 */
public final class ServiceCatalog implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ServiceCatalog.class);

    private final BundleContext context;
    private final Diagnostics diagnostics;
    private final Map<Role, ServiceTracker<Plugin, ServiceReference<Plugin>>> trackers = new EnumMap<>(Role.class);
    private final List<ServiceReference<Plugin>> got = new CopyOnWriteArrayList<>();
    private final Map<Plugin, ServiceReference<Plugin>> origins = new IdentityHashMap<>();
    private final Set<String> warned = ConcurrentHashMap.newKeySet();
    private final Consumer<String> lost;

    /** Tracks every role in {@code framework}, which has settled (its bundles installed and their components up). */
    public ServiceCatalog(EmbeddedFramework framework) {
        this(framework, lost -> { });
    }

    /**
     * The same, telling {@code lost} when a service this catalog bound goes away while it is in use (its bundle was
     * updated or uninstalled from deploy/): the caller stops, rather than go on calling a bundle that is gone or mix
     * two versions' results.
     */
    public ServiceCatalog(EmbeddedFramework framework, Consumer<String> lost) {
        this.context = framework.context();
        this.diagnostics = framework.diagnostics();
        this.lost = lost;
        for (Role role : Roles.ALL) {
            ServiceTracker<Plugin, ServiceReference<Plugin>> tracker = new ServiceTracker<>(context,
                    Roles.type(role).getName(), referencesOnly());
            tracker.open();
            trackers.put(role, tracker);
        }
    }

    /** A customizer that keeps references, never gets the service itself, and reports bound services that go. */
    private ServiceTrackerCustomizer<Plugin, ServiceReference<Plugin>> referencesOnly() {
        return new ServiceTrackerCustomizer<>() {
            @Override
            public ServiceReference<Plugin> addingService(ServiceReference<Plugin> reference) {
                return reference;
            }

            @Override
            public void modifiedService(ServiceReference<Plugin> reference, ServiceReference<Plugin> service) {
                // the name is read at each look-up
            }

            @Override
            public void removedService(ServiceReference<Plugin> reference, ServiceReference<Plugin> service) {
                if (got.contains(reference)) {
                    lost.accept("service '" + reference.getProperty(Plugin.NAME) + "' of bundle "
                            + Diagnostics.describe(reference.getBundle()) + " went away while in use");
                }
            }
        };
    }

    /**
     * The services of {@code role} by name. When two share a name, two versions of one bundle give the newer
     * version's service; otherwise (a bundle in deploy/ reusing a built-in name) the one with the highest service
     * ranking wins, as OSGi's own lookup would choose. Either way a warning names both.
     */
    public Map<String, ServiceReference<Plugin>> references(Role role) {
        Map<String, ServiceReference<Plugin>> byName = new TreeMap<>();
        ServiceReference<Plugin>[] references = trackers.get(role).getServiceReferences();
        for (ServiceReference<Plugin> ref : references == null ? List.<ServiceReference<Plugin>>of()
                : List.of(references)) {
            Object name = ref.getProperty(Plugin.NAME);
            if (name == null) {
                continue;
            }
            ServiceReference<Plugin> other = byName.get(name.toString());
            if (other == null) {
                byName.put(name.toString(), ref);
            } else if (preferred(ref, other)) {
                byName.put(name.toString(), ref);
                warnOnce(role, name.toString(), ref, other);
            } else {
                warnOnce(role, name.toString(), other, ref);
            }
        }
        return byName;
    }

    private static boolean preferred(ServiceReference<Plugin> ref, ServiceReference<Plugin> other) {
        Bundle bundle = ref.getBundle();
        Bundle otherBundle = other.getBundle();
        if (bundle != null && otherBundle != null
                && bundle.getSymbolicName().equals(otherBundle.getSymbolicName())) {
            return bundle.getVersion().compareTo(otherBundle.getVersion()) > 0;
        }
        return ref.compareTo(other) > 0;
    }

    private void warnOnce(Role role, String name, ServiceReference<Plugin> used, ServiceReference<Plugin> ignored) {
        String message = Roles.type(role).getSimpleName() + " '" + name + "' is provided twice: using bundle "
                + describe(used) + ", not " + describe(ignored)
                + (sameBundle(used, ignored) ? " (the newer version wins)" : " (the higher service ranking wins)");
        if (warned.add(message)) {
            LOG.warn("{}", message);
        }
    }

    private static boolean sameBundle(ServiceReference<Plugin> a, ServiceReference<Plugin> b) {
        return a.getBundle() != null && b.getBundle() != null
                && a.getBundle().getSymbolicName().equals(b.getBundle().getSymbolicName());
    }

    private static String describe(ServiceReference<Plugin> ref) {
        Bundle bundle = ref.getBundle();
        return bundle == null ? "(uninstalled)" : bundle.getSymbolicName() + " " + bundle.getVersion();
    }

    /** The bundle that registered {@code service}, a service this catalog bound. */
    public BundleIdentity origin(Plugin service) {
        ServiceReference<Plugin> ref = origins.get(service);
        if (ref == null || ref.getBundle() == null) {
            throw new IllegalArgumentException("service " + service + " was not bound by this catalog");
        }
        return BundleIdentity.of(ref.getBundle());
    }

    /** The names of the services of {@code role}. */
    public Set<String> names(Role role) {
        return references(role).keySet();
    }

    /** The names of every installed service, whatever its role. */
    public Set<String> names() {
        Set<String> names = new TreeSet<>();
        Roles.ALL.forEach(role -> names.addAll(names(role)));
        return names;
    }

    /**
     * Gets the service of {@code role} named {@code name}, kept until {@link #close()}.
     *
     * @return the service, or empty with {@code problem} told why (no such name, or its component failed)
     */
    public <T extends Plugin> Optional<T> bind(Role role, String name, Consumer<String> problem) {
        ServiceReference<Plugin> ref = references(role).get(name);
        if (ref == null) {
            Set<String> available = names(role);
            problem.accept("no " + Roles.type(role).getSimpleName() + " service named '" + name + "'; available: "
                    + (available.isEmpty() ? "(none installed)" : String.join(", ", available))
                    + diagnostics.summary());
            return Optional.empty();
        }
        Plugin service = context.getService(ref);
        if (service == null) {
            problem.accept(Roles.type(role).getSimpleName() + " service '" + name + "' of bundle "
                    + Diagnostics.describe(ref.getBundle()) + " could not be started: "
                    + diagnostics.componentFailure(ref));
            return Optional.empty();
        }
        got.add(ref);
        origins.put(service, ref);
        @SuppressWarnings("unchecked")
        T typed = (T) Roles.type(role).cast(service);
        return Optional.of(typed);
    }

    /** Ungets every service got and stops tracking. */
    @Override
    public void close() {
        got.forEach(context::ungetService);
        got.clear();
        origins.clear();
        trackers.values().forEach(ServiceTracker::close);
    }
}
