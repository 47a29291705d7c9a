package org.minima.arch;

import java.util.HashMap;
import java.util.Map;

import org.minima.api.model.Activation;
import org.minima.api.model.ModelSpec;
import org.minima.api.model.Padding;

/**
 * What a model file must say besides DL4J's configuration: the form and the spec (the depth factor and the padding
 * cannot be read back from the layers: DL4J's configuration in the file always says zero "same" padding). Stored as a
 * plain string so reading it needs no class from any bundle; files written before the padding and the input shift
 * were recorded pad zeros and read the cells unshifted.
 */
record SavedSpec(Form form, ModelSpec spec) {

    /** The key under which the text is stored in the DL4J model file's {@code objects/} folder. */
    static final String KEY = "minima-model-spec";

    String encode() {
        return "form=" + form.label() + ";steps=" + spec.steps() + ";width=" + spec.width() + ";depth="
                + spec.depth() + ";activation=" + spec.activation().label() + ";padding=" + spec.padding().label()
                + ";input-shift=" + spec.inputShift();
    }

    static SavedSpec decode(String text) {
        Map<String, String> fields = new HashMap<>();
        for (String pair : text.split(";")) {
            int eq = pair.indexOf('=');
            if (eq < 0) {
                throw new IllegalArgumentException("malformed model spec '" + text + "'");
            }
            fields.put(pair.substring(0, eq), pair.substring(eq + 1));
        }
        try {
            return new SavedSpec(Form.parse(required(fields, "form", text)), new ModelSpec(
                    Integer.parseInt(required(fields, "steps", text)),
                    Integer.parseInt(required(fields, "width", text)),
                    Double.parseDouble(required(fields, "depth", text)),
                    Activation.parse(required(fields, "activation", text)),
                    Padding.parse(fields.getOrDefault("padding", Padding.ZERO.label())),
                    Double.parseDouble(fields.getOrDefault("input-shift", "0"))));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("malformed model spec '" + text + "'", e);
        }
    }

    private static String required(Map<String, String> fields, String key, String text) {
        String value = fields.get(key);
        if (value == null) {
            throw new IllegalArgumentException("model spec '" + text + "' lacks " + key);
        }
        return value;
    }
}
