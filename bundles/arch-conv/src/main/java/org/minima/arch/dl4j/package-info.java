/**
 * DL4J for chains of convolutions: {@link org.minima.arch.dl4j.LayoutBuilder} lays out a
 * {@link org.minima.api.model.ParameterLayout} in DL4J's own parameter order, and
 * {@link org.minima.arch.dl4j.ConvChain} turns such a layout into a {@code MultiLayerNetwork} whose {@code params()}
 * is the layout's flat vector, optionally ending in a trainable loss layer. Trainers and other architectures build on
 * these instead of repeating the DL4J details.
 */
@Export
@Version("1.0.0")
package org.minima.arch.dl4j;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
