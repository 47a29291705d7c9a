/**
 * Minima's core vocabulary: the {@link org.minima.api.Plugin} contract every service shares, the options a plugin
 * declares, the resolved {@link org.minima.api.Settings} it receives, result {@link org.minima.api.Table}s and
 * {@link org.minima.api.Progress} reporting.
 */
@Export
@Version("2.1.0")
package org.minima.api;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
