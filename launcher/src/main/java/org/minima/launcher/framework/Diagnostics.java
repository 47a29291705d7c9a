package org.minima.launcher.framework;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleException;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.osgi.service.component.runtime.dto.ComponentConfigurationDTO;
import org.osgi.service.component.runtime.dto.ComponentDescriptionDTO;
import org.osgi.util.tracker.ServiceTracker;

/**
 * What went wrong while the framework started, in words a user can act on: deploy/ jars that never became bundles,
 * bundles that do not resolve (with the requirement the framework could not meet) and components that failed to
 * activate (with their exception, from Declarative Services' runtime).
 */
public final class Diagnostics {

    private final Map<Path, String> notInstalled;
    private final Map<Bundle, String> unresolved;
    private final ServiceTracker<ServiceComponentRuntime, ServiceComponentRuntime> scr;

    Diagnostics(Map<Path, String> notInstalled, Map<Bundle, String> unresolved,
                ServiceTracker<ServiceComponentRuntime, ServiceComponentRuntime> scr) {
        this.notInstalled = Map.copyOf(notInstalled);
        this.unresolved = Map.copyOf(unresolved);
        this.scr = scr;
    }

    /** One line per problem found at start-up; empty when every bundle started. */
    public List<String> problems() {
        List<String> problems = new ArrayList<>();
        notInstalled.forEach((jar, why) -> problems.add(jar + " was not installed: " + why));
        unresolved.forEach((bundle, why) -> problems.add("bundle " + describe(bundle) + " did not start: " + why));
        problems.sort(null);
        return problems;
    }

    /** The problems as a suffix for an error message about a missing service; empty when there are none. */
    String summary() {
        List<String> problems = problems();
        return problems.isEmpty() ? "" : ". Bundles that did not start, one of which may provide it:\n      "
                + String.join("\n      ", problems);
    }

    /** Why the component behind {@code ref} gave no service object, from Declarative Services' runtime. */
    String componentFailure(ServiceReference<?> ref) {
        ServiceComponentRuntime runtime = scr.getService();
        Object name = ref.getProperty("component.name");
        if (runtime == null || name == null) {
            return "its service factory returned nothing (no Declarative Services component information)";
        }
        ComponentDescriptionDTO description = runtime.getComponentDescriptionDTO(ref.getBundle(), name.toString());
        if (description != null) {
            for (ComponentConfigurationDTO configuration : runtime.getComponentConfigurationDTOs(description)) {
                if (configuration.state == ComponentConfigurationDTO.FAILED_ACTIVATION
                        && configuration.failure != null) {
                    return "component " + name + " failed to activate: " + firstLine(configuration.failure);
                }
            }
        }
        return "component " + name + " gave no service object";
    }

    /**
     * Why {@code bundle} provides nothing, as {@code bundle:diag} would say: the requirement the framework cannot meet
     * when it does not resolve, and each of its components that is unsatisfied or failed to activate. Empty when
     * nothing is wrong. Trying to resolve may start the bundle: that is what its installer asked for anyway.
     */
    public List<String> explain(Bundle bundle) {
        List<String> problems = new ArrayList<>();
        if (bundle.getState() == Bundle.INSTALLED && bundle.getHeaders().get(Constants.FRAGMENT_HOST) == null) {
            try {
                bundle.start();
            } catch (BundleException e) {
                problems.add("does not resolve: " + e.getMessage());
                return problems;
            }
        }
        ServiceComponentRuntime runtime = scr.getService();
        if (runtime == null || bundle.getState() != Bundle.ACTIVE) {
            return problems;
        }
        for (ComponentDescriptionDTO description : runtime.getComponentDescriptionDTOs(bundle)) {
            for (ComponentConfigurationDTO configuration : runtime.getComponentConfigurationDTOs(description)) {
                if (configuration.state == ComponentConfigurationDTO.FAILED_ACTIVATION) {
                    problems.add("component " + description.name + " failed to activate: "
                            + firstLine(String.valueOf(configuration.failure)));
                } else if (configuration.state == ComponentConfigurationDTO.UNSATISFIED_REFERENCE) {
                    problems.add("component " + description.name + " waits for services: " + Arrays.stream(
                            configuration.unsatisfiedReferences).map(r -> r.name + " " + r.target).toList());
                }
            }
        }
        return problems;
    }

    /** The bundle's symbolic name, version and where it came from. */
    static String describe(Bundle bundle) {
        return bundle.getSymbolicName() + " " + bundle.getVersion() + " (" + bundle.getLocation() + ")";
    }

    private static String firstLine(String text) {
        int end = text.indexOf('\n');
        return (end < 0 ? text : text.substring(0, end)).trim();
    }
}
