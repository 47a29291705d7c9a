package org.minima.launcher.framework;

import org.nd4j.linalg.factory.Nd4j;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes ND4J and its BLAS run every operation on one thread, whatever {@code OMP_NUM_THREADS} says. Minima trains
 * one model per core; letting ND4J spread one small model's operations over the cores is several times slower, and
 * it changes the summation order, so a model trained with another thread count would differ in its last digits.
 */
public final class Nd4jThreads {

    private static final Logger LOG = LoggerFactory.getLogger(Nd4jThreads.class);

    private Nd4jThreads() {
    }

    public static void useOne() {
        Nd4j.getEnvironment().setMaxThreads(1);
        Nd4j.getEnvironment().setMaxMasterThreads(1);
        Nd4j.factory().blas().setMaxThreads(1);
        LOG.debug("ND4J and BLAS set to one thread per operation (OMP_NUM_THREADS={})",
                System.getenv("OMP_NUM_THREADS"));
    }
}
