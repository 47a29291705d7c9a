/**
 * Networks as probes see them: a {@link org.minima.api.model.ModelSpec} names the network, a
 * {@link org.minima.api.model.ParameterLayout} gives the structured view of its flat
 * {@link org.minima.api.model.ParameterVector}, a {@link org.minima.api.model.Network} computes predictions and
 * loss, the {@link org.minima.api.model.Model} service builds them and the
 * {@link org.minima.api.model.Solutions} service writes known exact solutions into a layout.
 */
@Export
@Version("2.2.0")
package org.minima.api.model;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
