package org.minima.arch;

import org.minima.api.Plugin;
import org.minima.api.model.Model;
import org.osgi.service.component.annotations.Component;

/** Springer &amp; Kenyon's (2n+1)-layer form, registered as {@code springer-kenyon}. */
@Component(service = Model.class, property = Plugin.NAME + "=springer-kenyon")
public final class SpringerKenyonModel extends ConvModel {

    public SpringerKenyonModel() {
        super(Form.SPRINGER_KENYON);
    }
}
