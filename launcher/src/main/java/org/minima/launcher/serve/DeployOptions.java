package org.minima.launcher.serve;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Dictionary;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.osgi.framework.BundleContext;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.util.tracker.ServiceTracker;

/**
 * The options serve mode gives a service, from Config Admin: FileInstall turns {@code deploy/minima-NAME.cfg} into
 * the factory configuration {@code minima~NAME}, whose keys are NAME's options without the prefix
 * ({@code points = 10} for {@code straight-walk.points}). Anything not set there comes from the run's saved
 * configuration, then from the option's default.
 */
final class DeployOptions implements AutoCloseable {

    /** The factory PID of Minima's service configurations. */
    static final String FACTORY_PID = "minima";
    private static final String FILE_PROPERTY = "felix.fileinstall.filename";

    private final ServiceTracker<ConfigurationAdmin, ConfigurationAdmin> admin;

    DeployOptions(BundleContext context) {
        admin = new ServiceTracker<>(context, ConfigurationAdmin.class, null);
        admin.open();
    }

    /** The service a configuration of {@code pid} configures, if it is one of Minima's. */
    static Optional<String> serviceOf(String factoryPid, String pid) {
        if (!FACTORY_PID.equals(factoryPid) || pid == null || !pid.startsWith(FACTORY_PID + "~")) {
            return Optional.empty();
        }
        return Optional.of(pid.substring(FACTORY_PID.length() + 1));
    }

    /** NAME's configured options as profile keys ({@code NAME.KEY}), with the file that set them. */
    Options of(String name) throws IOException {
        ConfigurationAdmin configurations = admin.getService();
        if (configurations == null) {
            return new Options(Map.of(), "");
        }
        try {
            Configuration[] found = configurations.listConfigurations("(service.pid=" + FACTORY_PID + "~" + name
                    + ")");
            if (found == null || found.length == 0 || found[0].getProperties() == null) {
                return new Options(Map.of(), "");
            }
            return options(name, found[0].getProperties());
        } catch (InvalidSyntaxException e) {
            throw new IllegalArgumentException("service name '" + name + "' cannot be looked up in Config Admin", e);
        }
    }

    private static Options options(String name, Dictionary<String, Object> properties) {
        Map<String, String> keys = new LinkedHashMap<>();
        Object url = properties.get(FILE_PROPERTY);
        // FileInstall names the file by URL (file:/...): a user reads and edits a path
        String file = url == null ? "" : url.toString().startsWith("file:")
                ? Path.of(URI.create(url.toString())).toString() : url.toString();
        for (String key : Collections.list(properties.keys())) {
            if (!key.startsWith("service.") && !key.startsWith("felix.fileinstall.")) {
                keys.put(name + "." + key, String.valueOf(properties.get(key)));
            }
        }
        return new Options(keys, file);
    }

    @Override
    public void close() {
        admin.close();
    }

    /**
     * A service's options from its configuration.
     *
     * @param keys profile keys and values
     * @param file the configuration file, empty when there is none
     */
    record Options(Map<String, String> keys, String file) {
    }
}
