package org.minima.launcher.serve;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.minima.api.Plugin;
import org.minima.api.Role;
import org.minima.launcher.framework.Roles;
import org.minima.launcher.framework.ServiceCatalog;
import org.osgi.framework.Bundle;
import org.osgi.framework.ServiceReference;

/**
 * Minima's commands in serve mode's Gogo shell (scope {@code minima}): {@code status}, {@code bundles},
 * {@code services}, {@code diag BUNDLE} and {@code probe NAME}. Each returns the text the shell prints.
 */
public final class ShellCommands {

    private static final String[] FUNCTIONS = {"status", "bundles", "services", "diag", "probe"};
    private static final Map<Integer, String> STATES = Map.of(Bundle.INSTALLED, "installed", Bundle.RESOLVED,
            "resolved", Bundle.STARTING, "starting", Bundle.STOPPING, "stopping", Bundle.ACTIVE, "active",
            Bundle.UNINSTALLED, "uninstalled");

    private final Server server;

    ShellCommands(Server server) {
        this.server = server;
    }

    /** The service properties that make this object the {@code minima} commands. */
    static Hashtable<String, Object> properties() {
        Hashtable<String, Object> properties = new Hashtable<>();
        properties.put("osgi.command.scope", "minima");
        properties.put("osgi.command.function", FUNCTIONS);
        return properties;
    }

    /** The run folder, what runs and waits, how the services run so far ended, and the JVM's threads and classes. */
    public String status() {
        Server.Status status = server.status();
        StringBuilder out = new StringBuilder();
        out.append("run folder: ").append(server.folder().path()).append(" (").append(server.models())
                .append(" trained models)\n");
        out.append("deploy folder: ").append(server.deployDir()).append('\n');
        out.append("running: ").append(status.running().orElse("nothing")).append('\n');
        out.append("queued: ").append(status.queued().isEmpty() ? "nothing" : status.queued()).append('\n');
        new TreeMap<>(status.outcomes()).forEach((service, outcome) -> out.append("  ").append(service)
                .append(": ").append(outcome).append('\n'));
        out.append("threads: ").append(Thread.activeCount()).append(", loaded classes: ")
                .append(ManagementFactory.getClassLoadingMXBean().getLoadedClassCount());
        return out.toString();
    }

    /** Every bundle: id, state, symbolic name, version and location. */
    public String bundles() {
        List<String> lines = new ArrayList<>();
        for (Bundle bundle : server.framework().context().getBundles()) {
            lines.add(String.format("%4d  %-11s %s %s  %s", bundle.getBundleId(), STATES.get(bundle.getState()),
                    bundle.getSymbolicName(), bundle.getVersion(), bundle.getLocation()));
        }
        return String.join("\n", lines);
    }

    /** Minima's services by role, each with the bundle and version that provides it. */
    public String services() {
        StringBuilder out = new StringBuilder();
        try (ServiceCatalog catalog = new ServiceCatalog(server.framework())) {
            for (Role role : Roles.ALL) {
                out.append(Roles.type(role).getSimpleName()).append(":\n");
                for (Map.Entry<String, ServiceReference<Plugin>> entry : catalog.references(role).entrySet()) {
                    Bundle bundle = entry.getValue().getBundle();
                    out.append("  ").append(entry.getKey()).append("  ").append(bundle.getSymbolicName())
                            .append(' ').append(bundle.getVersion()).append('\n');
                }
            }
        }
        return out.toString().stripTrailing();
    }

    /** Why a bundle (by id or symbolic name) provides nothing: an unresolved requirement, a failed component. */
    public String diag(String bundle) {
        List<String> out = new ArrayList<>();
        for (Bundle candidate : server.framework().context().getBundles()) {
            if (String.valueOf(candidate.getBundleId()).equals(bundle)
                    || bundle.equals(candidate.getSymbolicName())) {
                List<String> problems = server.framework().diagnostics().explain(candidate);
                out.add(candidate.getSymbolicName() + " " + candidate.getVersion() + " ["
                        + STATES.get(candidate.getState()) + "]: " + (problems.isEmpty() ? "no problem found"
                        : String.join("; ", problems)));
            }
        }
        return out.isEmpty() ? "no bundle has id or symbolic name '" + bundle + "'" : String.join("\n", out);
    }

    /** Queues a run of the probe, analysis or plot {@code name} on the folder's models. */
    public String probe(String name) {
        return server.request(name);
    }
}
