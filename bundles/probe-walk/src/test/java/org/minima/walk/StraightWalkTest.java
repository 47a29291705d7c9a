package org.minima.walk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.minima.api.InvalidOption;
import org.minima.api.Role;
import org.minima.api.Table;
import org.minima.api.data.BoardStream;
import org.minima.api.data.Boards;
import org.minima.api.model.Model;
import org.minima.api.model.Network;
import org.minima.api.model.ParameterVector;
import org.minima.api.model.Solutions;
import org.minima.api.run.Study;
import org.minima.api.train.TrainedModel;
import org.minima.arch.SpringerKenyonModel;
import org.minima.testkit.Experiments;

/** The probe on real networks, boards and exact solutions, as the launcher calls it. */
class StraightWalkTest {

    private static final StraightWalk PROBE = new StraightWalk();
    private static final int POINTS = 10;
    private static final int BOARDS = 300;

    @TempDir
    Path folder;

    private Table walk(TrainedModel model, Map<String, String> options) {
        return walk(model, Fixtures.FIRNER, Optional.of(Fixtures.EXACT), options);
    }

    private Table walk(TrainedModel model, Model architecture, Optional<Solutions> solutions,
                       Map<String, String> options) {
        return PROBE.probe(model, Fixtures.context(folder, architecture, solutions, options).build());
    }

    /** The loss at {@code parameters} on the boards the walk uses by default (probe stream 0). */
    private static double loss(TrainedModel model, ParameterVector parameters) {
        Boards boards = Fixtures.DATA.sample(model.data(), BoardStream.probe(0), 0, BOARDS);
        Network network = Fixtures.FIRNER.network(model.modelSpec(), parameters);
        return network.loss(boards.input(), boards.target());
    }

    private static ParameterVector exact(TrainedModel model, String construction, double margin) {
        return Fixtures.EXACT.construct(construction, model.data().game(),
                Fixtures.FIRNER.layout(model.modelSpec()), model.data().steps(), margin);
    }

    @Test
    void walksFromTheTrainedLossToTheExactSolutionsLoss() {
        TrainedModel model = Fixtures.firner(2);
        Table rows = walk(model, Map.of("points", String.valueOf(POINTS), "boards", String.valueOf(BOARDS)));
        assertEquals(StraightWalk.TABLE, rows.name());
        assertEquals(StraightWalk.COLUMNS, rows.columns());
        assertEquals(POINTS + 1, rows.rows().size());

        ParameterVector exact = exact(model, "F", Fixtures.EXACT.defaultMargin("F"));
        double start = loss(model, model.parameters());
        double end = loss(model, exact);
        assertEquals(start, rows.number(0, "loss"), 1e-12 * start);
        assertEquals(end, rows.number(POINTS, "loss"), 1e-12 * end);
        assertTrue(end < 1e-3 && start > 100 * end, "initial parameters are far worse than F: " + start + ", " + end);

        double distance = model.parameters().l1Distance(exact);
        double highest = 0;
        for (int k = 0; k <= POINTS; k++) {
            double alpha = (double) k / POINTS;
            assertEquals(alpha, rows.number(k, "alpha"), 0);
            // float32 rounding of θ(α) per parameter, not a straight line in double
            assertEquals((1 - alpha) * distance, rows.number(k, "l1_to_exact"), 1e-5 * distance);
            assertEquals("F", rows.text(k, "construction"));
            assertEquals(10.0, rows.number(k, "margin"), 0);
            highest = Math.max(highest, rows.number(k, "loss"));
        }
        assertEquals(0.0, rows.number(POINTS, "l1_to_exact"), 0);
        double barrier = highest - (start + end) / 2;
        for (int k = 0; k <= POINTS; k++) {
            assertEquals(barrier, rows.number(k, "barrier"), 1e-12 * highest, "every row carries the model's barrier");
        }
    }

    @Test
    void theMarginAndTheConstructionAreOptions() {
        TrainedModel model = Fixtures.firner(2);
        Table rows = walk(model, Map.of("points", "2", "boards", String.valueOf(BOARDS), "construction", "R",
                "margin", "4"));
        assertEquals(3, rows.rows().size());
        double end = loss(model, exact(model, "R", 4));
        assertEquals(end, rows.number(2, "loss"), 1e-12 * end);
        assertTrue(end > loss(model, exact(model, "R", 10)), "a smaller margin has a larger loss at the exact point");
        assertEquals("R", rows.text(2, "construction"));
        assertEquals(4.0, rows.number(2, "margin"), 0);
    }

    @Test
    void theBoardsSeedSelectsAnotherEvaluationSet() {
        TrainedModel model = Fixtures.firner(1);
        Table seed0 = walk(model, Map.of("points", "1", "boards", String.valueOf(BOARDS)));
        Table seed5 = walk(model, Map.of("points", "1", "boards", String.valueOf(BOARDS), "seed", "5"));
        assertEquals(loss(model, model.parameters()), seed0.number(0, "loss"), 1e-12);
        assertTrue(seed0.number(0, "loss") != seed5.number(0, "loss"), "seed 5 draws other boards");
    }

    @Test
    void aConstructionThatDoesNotFitFailsNamingTheModelTheConstructionAndTheReason() {
        TrainedModel minimal = Fixtures.firner(1);
        String reason = assertThrows(IllegalArgumentException.class, () -> exact(minimal, "R", 10)).getMessage();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> walk(minimal, Map.of("construction", "R")));
        assertTrue(e.getMessage().contains("construction R does not fit model " + minimal.id() + " (firner, n = 1, "
                + "m = 1, d = 1.0, relu, B3/S23 von-neumann dead): " + reason), e.getMessage());
        assertTrue(e.getMessage().contains("straight-walk.unfit = skip"), e.getMessage());

        // F needs a second 1x1 layer per step, which springer-kenyon has only in a one-block network
        Model sk = new SpringerKenyonModel();
        TrainedModel twoSteps = Fixtures.model(sk, "springer-kenyon", 2, 2);
        e = assertThrows(IllegalArgumentException.class,
                () -> walk(twoSteps, sk, Optional.of(Fixtures.EXACT), Map.of()));
        assertTrue(e.getMessage().contains("construction F does not fit model " + twoSteps.id() + " (springer-kenyon"),
                e.getMessage());
    }

    @Test
    void aConstructionThatDoesNotFitGivesNoRowsWhenTold() {
        Table rows = walk(Fixtures.firner(1), Map.of("construction", "R", "unfit", "skip"));
        assertEquals(StraightWalk.COLUMNS, rows.columns());
        assertEquals(0, rows.rows().size());
    }

    @Test
    void withoutSolutionsItSaysWhichKeyToSet() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> walk(Fixtures.firner(1), Fixtures.FIRNER, Optional.empty(), Map.of()));
        assertTrue(e.getMessage().contains("solutions = exact"), e.getMessage());
    }

    @Test
    void aConstructionThatDoesNotFitTheGridIsRefusedBeforeAnyTrainingNamingTheOption() {
        Study unfit = study(Map.of("construction", "R"), List.of(5, 1));
        InvalidOption e = assertThrows(InvalidOption.class, () -> PROBE.check(unfit));
        assertEquals("construction", e.key());
        assertTrue(e.getMessage().contains("construction R does not fit the models of the grid at n = 1, m = 1"),
                e.getMessage());
        PROBE.check(study(Map.of("construction", "R"), List.of(2, 5)));
        PROBE.check(study(Map.of("construction", "R", "unfit", "skip"), List.of(1)));
    }

    @Test
    void needsAModelATrainerAndExactSolutions() {
        assertEquals(Set.of(Role.MODEL, Role.TRAINER, Role.SOLUTIONS), PROBE.requires());
        assertEquals(StraightWalk.COLUMNS, PROBE.columns());
    }

    /** The study of Firner's grid at n = 1, 2 and {@code widths}, as the probe's check sees it. */
    private Study study(Map<String, String> options, List<Integer> widths) {
        return Fixtures.context(folder, Fixtures.FIRNER, Optional.of(Fixtures.EXACT), options)
                .experiment(Experiments.firner(List.of(1, 2), widths)).build();
    }

    @Test
    void declaresFirnersPointsAndSeedAndFailsOnAnUnfitModelByDefault() {
        Map<String, String> defaults = new HashMap<>();
        PROBE.options().forEach(o -> defaults.put(o.key(), o.defaultValue()));
        assertEquals(Map.of("points", "50", "construction", "F", "margin", "0", "boards", "1000", "seed", "0",
                "unfit", "fail"), defaults);
        assertEquals("straight_walk", PROBE.table());
    }
}
