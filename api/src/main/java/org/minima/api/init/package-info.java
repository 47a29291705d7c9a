/**
 * How models start: the {@link org.minima.api.init.Initializer} role, what it is asked
 * ({@link org.minima.api.init.InitRequest}) and what it answers ({@link org.minima.api.init.Initialization}).
 */
@Export
@Version("1.0.0")
package org.minima.api.init;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
