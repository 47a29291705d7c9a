package org.minima.train;

import org.minima.api.train.Optimizer;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.learning.config.IUpdater;
import org.nd4j.linalg.learning.config.Sgd;

/** ND4J's own update rules, so both engines update exactly as DL4J's {@code fit} does. */
final class Updaters {

    private Updaters() {
    }

    static IUpdater of(Optimizer optimizer) {
        return optimizer.isAdam()
                ? new Adam(optimizer.learningRate(), optimizer.beta1(), optimizer.beta2(), optimizer.epsilon())
                : new Sgd(optimizer.learningRate());
    }
}
