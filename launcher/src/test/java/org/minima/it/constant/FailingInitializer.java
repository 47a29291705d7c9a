package org.minima.it.constant;

import org.minima.api.init.InitRequest;
import org.minima.api.init.Initialization;
import org.minima.api.init.Initializer;

/** A Declarative Services component that cannot be created: what a user sees when a bundle's component fails. */
public final class FailingInitializer implements Initializer {

    public FailingInitializer() {
        throw new IllegalStateException("this initializer needs a GPU it cannot find");
    }

    @Override
    public String description() {
        return "never created";
    }

    @Override
    public Initialization initialise(InitRequest request) {
        throw new UnsupportedOperationException();
    }
}
