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
import org.minima.api.Settings;
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
import org.minima.eval.SuccessEvaluator;
import org.minima.testkit.Experiments;
import org.minima.train.Dl4jTrainer;

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
        Table rows = walk(model, Map.of("points", String.valueOf(POINTS), "boards", String.valueOf(BOARDS),
                "construction", "F"));
        assertEquals(StraightWalk.TABLE, rows.name());
        assertEquals(WalkProbe.COLUMNS, rows.columns());
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
    void autoEndsAtRWhereItFitsAndAtFOtherwise() {
        Table wide = walk(Fixtures.firner(2), Map.of("points", "1", "boards", "50"));
        assertEquals(List.of("R"), wide.distinct("construction"));
        Table minimal = walk(Fixtures.firner(1), Map.of("points", "1", "boards", "50"));
        assertEquals(List.of("F"), minimal.distinct("construction"));
        assertEquals(List.of("10.0"), minimal.distinct("margin"));
    }

    @Test
    void theBoardExactShareIsTheSuccessEvaluatorsAndReachesOneAtTheExactSolution() {
        TrainedModel model = Fixtures.firner(2);
        Table rows = walk(model, Map.of("points", "4", "boards", String.valueOf(BOARDS)));
        assertEquals(1.0, rows.number(4, "board_exact"), 0, "every board is right at the exact solution");
        Boards boards = Fixtures.DATA.sample(model.data(), BoardStream.probe(0), 0, BOARDS);
        for (int k = 0; k <= 4; k++) {
            ParameterVector theta = model.parameters().interpolate(exact(model, "R", 10), k / 4.0);
            double expected = new SuccessEvaluator().evaluate(Fixtures.FIRNER.network(model.modelSpec(), theta),
                    boards).get("board_exact");
            assertEquals(expected, rows.number(k, "board_exact"), 1e-12, "alpha " + k / 4.0);
        }
    }

    @Test
    void aPolishedEndPointIsTheConstructionTrainedFurtherWithTheRunsProtocol() {
        TrainedModel model = Fixtures.firner(1);
        Map<String, String> options = Map.of("points", "1", "boards", String.valueOf(BOARDS), "polish", "20");
        Table raw = walk(model, Map.of("points", "1", "boards", String.valueOf(BOARDS)));
        Table polished = PROBE.probe(model, Fixtures.context(folder, Fixtures.FIRNER, Optional.of(Fixtures.EXACT),
                options).experiment(Experiments.firner(List.of(1), List.of(1)))
                .trainer(new Dl4jTrainer(), Settings.of(new Dl4jTrainer().options(), Map.of())).build());
        assertEquals("20", polished.text(1, "polish"));
        assertEquals("0", raw.text(1, "polish"));
        assertTrue(polished.number(1, "l1_to_exact") == 0 && polished.number(0, "l1_to_exact")
                != raw.number(0, "l1_to_exact"), "the walk ends at the polished point, not at F");
        assertTrue(polished.number(1, "loss") < raw.number(1, "loss"),
                "training F further lowers its loss: " + polished.number(1, "loss") + " vs " + raw.number(1, "loss"));
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
                () -> walk(twoSteps, sk, Optional.of(Fixtures.EXACT), Map.of("construction", "F")));
        assertTrue(e.getMessage().contains("construction F does not fit model " + twoSteps.id() + " (springer-kenyon"),
                e.getMessage());
    }

    @Test
    void aConstructionThatDoesNotFitGivesNoRowsWhenTold() {
        Table rows = walk(Fixtures.firner(1), Map.of("construction", "R", "unfit", "skip"));
        assertEquals(WalkProbe.COLUMNS, rows.columns());
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
        assertEquals(WalkProbe.COLUMNS, PROBE.columns());
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
        assertEquals(Map.of("points", "50", "construction", "auto", "margin", "0", "boards", "1000", "seed", "0",
                "unfit", "fail", "polish", "0", "polish-seed", "0"), defaults);
        assertEquals("straight_walk", PROBE.table());
    }
}
