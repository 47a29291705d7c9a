/**
 * Training: the protocol ({@link org.minima.api.train.TrainingSpec}), one model's job
 * ({@link org.minima.api.train.TrainingJob}), the {@link org.minima.api.train.Trainer} service and what it returns.
 */
@Export
@Version("2.0.0")
package org.minima.api.train;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
