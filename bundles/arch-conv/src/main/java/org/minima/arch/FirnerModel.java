package org.minima.arch;

import org.minima.api.Plugin;
import org.minima.api.model.Model;
import org.osgi.service.component.annotations.Component;

/** Firner's block form, registered as {@code firner}. */
@Component(service = Model.class, property = Plugin.NAME + "=firner")
public final class FirnerModel extends ConvModel {

    public FirnerModel() {
        super(Form.FIRNER);
    }
}
