/**
 * Game of Life data: the game variant ({@link org.minima.api.data.Rule}, {@link org.minima.api.data.Neighbourhood},
 * {@link org.minima.api.data.Boundary}), how boards are drawn ({@link org.minima.api.data.DataSpec}) and the
 * {@link org.minima.api.data.Dataset} service that produces {@link org.minima.api.data.Boards}.
 */
@Export
@Version("2.0.0")
package org.minima.api.data;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
