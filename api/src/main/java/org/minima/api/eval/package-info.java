/** Evaluation of networks against Game of Life truth: the {@link org.minima.api.eval.Evaluator} service. */
@Export
@Version("2.0.0")
package org.minima.api.eval;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
