/**
 * A run as plugins see it: the resolved {@link org.minima.api.run.Experiment}, the
 * {@link org.minima.api.run.RunContext} (bound services, tables, files, progress) and the two run-level services,
 * {@link org.minima.api.run.Analysis} (writes tables) and {@link org.minima.api.run.Plot} (draws them).
 */
@Export
@Version("2.2.0")
package org.minima.api.run;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
