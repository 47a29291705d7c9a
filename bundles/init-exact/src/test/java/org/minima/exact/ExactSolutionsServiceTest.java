package org.minima.exact;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.minima.api.data.Game;
import org.minima.api.data.Neighbourhood;
import org.minima.api.model.Activation;
import org.minima.api.model.LayerParams;
import org.minima.api.model.ModelSpec;
import org.minima.api.model.ParameterLayout;
import org.minima.api.model.ParameterVector;
import org.minima.arch.FirnerModel;
import org.minima.arch.SpringerKenyonModel;

/** The service's catalogue and the constants REFERENCE gives, read back from the written vectors. */
class ExactSolutionsServiceTest {

    @Test
    void offersTheFourConstructionsWithTheirDefaultMargins() {
        assertEquals(List.of("F", "S", "S8", "R"), Check.SOLUTIONS.constructions());
        assertEquals(10, Check.SOLUTIONS.defaultMargin("F"));
        assertEquals(20, Check.SOLUTIONS.defaultMargin("S"));
        assertEquals(20, Check.SOLUTIONS.defaultMargin("S8"));
        assertEquals(10, Check.SOLUTIONS.defaultMargin("R"));
        assertFalse(Check.SOLUTIONS.description().isBlank());
    }

    @Test
    void firnerConstantsInTheMinimalFirnerNetwork() {
        ParameterLayout layout = new FirnerModel().layout(new ModelSpec(2, 1, 1, Activation.RELU));
        ParameterVector p = Check.SOLUTIONS.construct("F", Game.conway(Neighbourhood.VON_NEUMANN), layout,
                layout.blocks(), 10);
        LayerParams conv = layout.layers().get(0);
        float[][] expectedKernel = {{0, 1, 0}, {1, 0.5f, 1}, {0, 1, 0}};
        for (int o = 0; o < 2; o++) {
            for (int r = 0; r < 3; r++) {
                for (int c = 0; c < 3; c++) {
                    assertEquals(expectedKernel[r][c], p.get(conv.weightIndex(o, 0, r, c)));
                }
            }
        }
        assertEquals(-2, p.get(conv.biasIndex(0)));
        assertEquals(-3.5f, p.get(conv.biasIndex(1)));
        LayerParams mix = layout.layers().get(1);
        assertEquals(-2, p.get(mix.weightIndex(0, 0, 0, 0)));
        assertEquals(10, p.get(mix.weightIndex(0, 1, 0, 0)));
        assertEquals(1, p.get(mix.biasIndex(0)));
        LayerParams back = layout.layers().get(2);
        assertEquals(-2, p.get(back.weightIndex(0, 0, 0, 0)));
        assertEquals(1, p.get(back.biasIndex(0)));
        assertEquals(-20, p.get(layout.head().weightIndex(0, 0, 0, 0)));
        assertEquals(10, p.get(layout.head().biasIndex(0)));
    }

    @Test
    void springerKenyonConstantsInTheMinimalSpringerKenyonNetwork() {
        ParameterLayout layout = new SpringerKenyonModel().layout(new ModelSpec(1, 1, 1, Activation.RELU));
        ParameterVector p = Check.SOLUTIONS.construct("S", Game.conway(Neighbourhood.MOORE), layout,
                layout.blocks(), 20);
        LayerParams conv = layout.layers().get(0);
        assertEquals(0.1f, p.get(conv.weightIndex(0, 0, 1, 1)));
        assertEquals(1, p.get(conv.weightIndex(0, 0, 0, 0)));
        assertEquals(-3, p.get(conv.biasIndex(0)));
        assertEquals(1, p.get(conv.weightIndex(1, 0, 1, 1)));
        assertEquals(-2, p.get(conv.biasIndex(1)));
        LayerParams mix = layout.layers().get(1);
        assertEquals(-10, p.get(mix.weightIndex(0, 0, 0, 0)));
        assertEquals(1, p.get(mix.weightIndex(0, 1, 0, 0)));
        assertEquals(0, p.get(mix.biasIndex(0)));
        assertEquals(40, p.get(layout.head().weightIndex(0, 0, 0, 0)));
        assertEquals(-20, p.get(layout.head().biasIndex(0)));
    }
}
