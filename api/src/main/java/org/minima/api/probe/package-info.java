/** Loss-landscape probes run on trained models: the {@link org.minima.api.probe.LandscapeProbe} service. */
@Export
@Version("2.0.0")
package org.minima.api.probe;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
