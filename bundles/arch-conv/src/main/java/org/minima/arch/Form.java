package org.minima.arch;

import org.minima.api.model.Activation;
import org.minima.api.model.ModelSpec;
import org.minima.api.model.ParameterLayout;
import org.minima.arch.dl4j.LayoutBuilder;

/** The two published ways of stacking one convolution block per Game of Life step. */
enum Form {

    /**
     * Firner's: every block is conv3x3 (1 → 2m) → conv1x1 (2m → m) → conv1x1 (m → 1), so blocks talk through one
     * channel; the last block's last layer is the sigmoid head.
     */
    FIRNER("firner", "Firner's n-step GoL CNN: per step conv3x3(1->2m), conv1x1(2m->m), conv1x1(m->1); sigmoid head"),

    /**
     * Springer &amp; Kenyon's: every block is conv3x3 (C_in → 2m) → conv1x1 (2m → m), blocks talk through m
     * channels, and one conv1x1 (m → 1) head ends the last block.
     */
    SPRINGER_KENYON("springer-kenyon",
            "Springer & Kenyon's (2n+1)-layer GoL CNN: per step conv3x3(C_in->2m), conv1x1(2m->m); conv1x1(m->1) "
                    + "sigmoid head");

    private final String label;
    private final String description;

    Form(String label, String description) {
        this.label = label;
        this.description = description;
    }

    String label() {
        return label;
    }

    String description() {
        return description;
    }

    static Form parse(String label) {
        for (Form f : values()) {
            if (f.label.equals(label)) {
                return f;
            }
        }
        throw new IllegalArgumentException("unknown network form '" + label + "'");
    }

    /**
     * The layout of {@code spec} in this form.
     *
     * @throws IllegalArgumentException when the network would not fit a parameter vector
     */
    ParameterLayout layout(ModelSpec spec) {
        int m = spec.width();
        int blocks = spec.blocks();
        Activation act = spec.activation();
        LayoutBuilder layout = new LayoutBuilder();
        for (int b = 0; b < blocks; b++) {
            boolean last = b == blocks - 1;
            int in = this == FIRNER || b == 0 ? 1 : m;
            layout.add(b, 0, "b" + b + ".conv3x3", 2 * m, in, 3, act);
            layout.add(b, 1, "b" + b + ".conv1x1a", m, 2 * m, 1, act);
            if (last) {
                layout.add(b, 2, "head", 1, m, 1, Activation.SIGMOID);
            } else if (this == FIRNER) {
                layout.add(b, 2, "b" + b + ".conv1x1b", 1, m, 1, act);
            }
        }
        return layout.build();
    }
}
