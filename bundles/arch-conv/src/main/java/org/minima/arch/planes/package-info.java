/**
 * Boards as planes: {@link org.minima.arch.planes.BorderedPlanes} lays a tile of boards out as one flat plane per
 * channel, each board with a one-cell border that holds the padding, so a 3×3 convolution's taps are shifts of the
 * flat index. The forward pass of arch-conv and the plane training engine of train-dl4j share it.
 */
@Export
@Version("1.0.0")
package org.minima.arch.planes;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
