package org.minima.launcher.config;

import java.util.List;
import java.util.regex.Pattern;

/**
 * One entry of a role's key: a service's name ({@code presolved}), or, in the {@code init} axis, a variant of it
 * under a name of its own ({@code middle-frozen:presolved}), so one initializer can start models in several ways in
 * one grid. The entry's {@link #name} is what model ids, tables and option keys ({@code middle-frozen.blocks}) use.
 *
 * @param name    the name the run uses
 * @param service the service it binds
 */
public record ServiceEntry(String name, String service) {

    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9-]*");

    /** Parses {@code NAME} or {@code NAME:SERVICE}; an invalid variant name throws, saying what is allowed. */
    public static ServiceEntry parse(String entry) {
        int colon = entry.indexOf(':');
        if (colon < 0) {
            return new ServiceEntry(entry, entry);
        }
        String name = entry.substring(0, colon).trim();
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("variant name '" + name + "' in '" + entry + "' must be lower-case"
                    + " letters, digits and '-', starting with a letter or digit");
        }
        return new ServiceEntry(name, entry.substring(colon + 1).trim());
    }

    /** The names the run uses for {@code entries}, in order. */
    public static List<String> names(List<String> entries) {
        return entries.stream().map(e -> parse(e).name()).toList();
    }

    /** Whether this entry renames its service. */
    public boolean isVariant() {
        return !name.equals(service);
    }
}
