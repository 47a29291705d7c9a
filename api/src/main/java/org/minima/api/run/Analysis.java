package org.minima.api.run;

import java.util.List;

import org.minima.api.Plugin;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * A run-level computation that writes tables: dataset baselines, summaries over trained models. Runs after
 * training and evaluation; a resumed run skips an analysis whose tables already exist.
 */
@ConsumerType
public interface Analysis extends Plugin {

    /** Names of the tables {@link #run} writes. */
    List<String> tables();

    /** Computes and writes the tables. */
    void run(RunContext context) throws Exception;
}
