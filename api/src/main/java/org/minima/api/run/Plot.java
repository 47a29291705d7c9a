package org.minima.api.run;

import java.util.List;

import org.minima.api.Plugin;
import org.osgi.annotation.versioning.ConsumerType;

/** Draws figures (PNG, SVG) from tables of the run folder. Runs last. */
@ConsumerType
public interface Plot extends Plugin {

    /** Names of the tables it draws from; the launcher reports an error naming any that the run lacks. */
    List<String> tables();

    /** Reads the tables and writes the figures through {@link RunContext#writeFile}. */
    void draw(RunContext context) throws Exception;
}
