package org.minima.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Bad input — in a data profile or a training profile — gets a message naming the file, key and what is allowed,
 * exit code 2, and no run folder.
 */
class BadInputIT {

    private static final String VALID = """
            analyses = baseline
            data.neighbourhood = moore
            steps = 1-3
            baseline.boards = 100
            """;

    private static final String TRAINING = """
            model = firner
            trainer = dl4j
            evaluator = success
            steps = 1
            model.width = 1, 2
            train.learning-rate = 0.01
            train.batches = 10
            """;

    @TempDir
    static Path dir;

    private static MinimaHome minima;

    @BeforeAll
    static void home() throws IOException {
        minima = new MinimaHome(dir);
    }

    @Test
    void unknownKey() throws Exception {
        assertRejected("typo", VALID + "data.neighborhood = moore\n",
                "config/typo.properties", "unknown key 'data.neighborhood'", "did you mean 'data.neighbourhood'");
    }

    @Test
    void malformedValue() throws Exception {
        assertRejected("malformed", VALID.replace("baseline.boards = 100", "baseline.boards = many"),
                "config/malformed.properties", "key 'baseline.boards'", "'many'", "an integer from 1 to 10000000");
    }

    @Test
    void outOfRangeValue() throws Exception {
        assertRejected("range", VALID.replace("steps = 1-3", "steps = 0-3"),
                "config/range.properties", "key 'steps'", "'0'", "from 1 to 1000");
    }

    @Test
    void domainValueOutOfRange() throws Exception {
        assertRejected("density", VALID + "data.density = 1.5\n",
                "config/density.properties", "key 'data.density'", "need 0 <= min <= max <= 1");
    }

    @Test
    void unknownServiceName() throws Exception {
        assertRejected("service", VALID.replace("analyses = baseline", "analyses = baseline, nosuch"),
                "config/service.properties", "key 'analyses'", "no Analysis service named 'nosuch'",
                "available: baseline");
    }

    @Test
    void badOverrideNamesTheSetOption() throws Exception {
        minima.profile("fine", VALID);
        MinimaHome.Result result = minima.run("run", "fine", "--set", "data.boundary=klein-bottle");
        assertEquals(2, result.exitCode(), result.output());
        assertTrue(result.output().contains("--set data.boundary=klein-bottle: key 'data.boundary'")
                && result.output().contains("dead, toroidal"), result.output());
        assertEquals(0, minima.runFolders("fine").size());
    }

    @Test
    void missingProfileFile() throws Exception {
        minima.profile("present", VALID);
        MinimaHome.Result result = minima.run("run", "absent");
        assertEquals(2, result.exitCode(), result.output());
        assertTrue(result.output().contains("absent.properties does not exist")
                && result.output().contains("present"), result.output());
        assertEquals(0, minima.runFolders("absent").size());
    }

    @Test
    void everyProblemIsReportedAtOnce() throws Exception {
        assertRejected("many", VALID.replace("baseline.boards = 100", "baseline.boards = x")
                        + "model.width = 0\nrun.threads = -1\nnosuch = 1\n",
                "4 problems", "'model.width'", "'run.threads'", "'baseline.boards'", "unknown key 'nosuch'");
    }

    @Test
    void anEmptyDatasetIsRefused() throws Exception {
        assertRejected("nodata", VALID + "dataset =\n", "key 'dataset' must name a Dataset service", "gol");
    }

    @Test
    void theSameDensityTwiceIsRefused() throws Exception {
        assertRejected("twice", VALID + "data.density = 0.5, 0.50\n", "key 'data.density'", "the same value twice");
    }

    @Test
    void aPlotWithoutItsTablesIsRefusedBeforeTraining() throws Exception {
        assertRejected("noeval", TRAINING.replace("evaluator = success\n", "") + "plots = success-figures\n",
                "key 'plots'", "plot 'success-figures' draws from [summary]");
    }

    @Test
    void boardsThatCannotFitOneArrayAreRefusedBeforeTraining() throws Exception {
        assertRejected("huge", TRAINING + "data.test-size = 2100x2100\n", "key 'data.test-boards'",
                "exceed the 2147483639 cells");
    }

    @Test
    void optionsOfAnInstalledButUnboundServiceAreIgnoredWithAWarning() throws Exception {
        minima.profile("unbound", VALID);
        MinimaHome.Result result = minima.run("run", "unbound", "--set", "analyses=", "--set", "plots=");
        assertEquals(0, result.exitCode(), result.output());
        assertTrue(result.output().contains("options ignored, of services installed but bound to no role of this "
                + "profile: baseline ("), result.output());
    }

    @Test
    void unknownArchitectureListsTheInstalledOnes() throws Exception {
        String output = assertRejected("arch", TRAINING.replace("model = firner", "model = nosuch"),
                "config/arch.properties", "key 'model'", "no Model service named 'nosuch'",
                "available: firner, springer-kenyon");
        assertFalse(output.contains("needs key 'model'"), "the model is set, only unknown:\n" + output);
    }

    @Test
    void widthBelowOne() throws Exception {
        assertRejected("width", TRAINING.replace("model.width = 1, 2", "model.width = 0, 2"),
                "config/width.properties", "key 'model.width'", "'0'", "from 1 to 1024");
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1001})
    void stepsOutOfRange(int steps) throws Exception {
        assertRejected("steps" + steps, TRAINING.replace("steps = 1", "steps = 1, " + steps),
                "config/steps" + steps + ".properties", "key 'steps'", "'" + steps + "'", "from 1 to 1000");
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "-1"})
    void learningRateNotPositive(String rate) throws Exception {
        String profile = "rate" + rate.replace("-", "minus");
        assertRejected(profile, TRAINING.replace("train.learning-rate = 0.01", "train.learning-rate = " + rate),
                "config/" + profile + ".properties", "key 'train.learning-rate'", "'" + rate + "'",
                "must be a positive number");
    }

    @Test
    void trainerWithoutModel() throws Exception {
        assertRejected("nomodel", TRAINING.replace("model = firner\n", ""), "config/nomodel.properties",
                "key 'trainer': service 'dl4j' needs key 'model' to name a Model service; available: firner, "
                        + "springer-kenyon");
    }

    @Test
    void aProbeThatNeedsExactSolutionsIsRefusedBeforeTrainingWhenNoneAreBound() throws Exception {
        assertRejected("nosolutions", TRAINING + "probes = straight-walk\n", "config/nosolutions.properties",
                "key 'probes': service 'straight-walk' needs key 'solutions' to name a Solutions service; "
                        + "available: exact");
    }

    @Test
    void aWalkConstructionThatCannotFitAWidthIsRefusedBeforeTraining() throws Exception {
        String output = assertRejected("unfit", TRAINING + """
                solutions = exact
                probes = straight-walk
                straight-walk.construction = R
                """, "config/unfit.properties:10: key 'straight-walk.construction' = 'R'",
                "construction R does not fit the models of the grid at n = 1, m = 1",
                "straight-walk.unfit = skip");
        assertFalse(output.contains("training:"), "nothing was trained:\n" + output);
    }

    @Test
    void toroidalBoardsOnDl4jsOwnNetworkAreRefusedBeforeAnyWork() throws Exception {
        String output = assertRejected("torus", TRAINING + "data.boundary = toroidal\ndl4j.engine = network\n",
                "config/torus.properties:9: key 'dl4j.engine' = 'network'",
                "data.boundary = toroidal needs engine = fused", "pad with zeros");
        assertFalse(output.contains("training:"), "nothing was trained:\n" + output);
    }

    @Test
    void aKeySetTwiceIsRefusedNamingBothLines() throws Exception {
        assertRejected("again", VALID + "steps = 2\n", "config/again.properties:5: key 'steps' is set again; "
                + "line 3 set it already");
    }

    @Test
    void aProfileThatIsNotUtf8IsRefusedNamingTheLine() throws Exception {
        Files.write(minima.home().resolve("config").resolve("latin1.properties"),
                (VALID + "# r\u00e9sum\u00e9\n").getBytes(StandardCharsets.ISO_8859_1));
        MinimaHome.Result result = minima.run("run", "latin1");
        assertEquals(2, result.exitCode(), result.output());
        assertTrue(result.output().contains("config/latin1.properties:5: the profile is not valid UTF-8: byte 0xE9"),
                result.output());
        assertEquals(0, minima.runFolders("latin1").size(), "no run folder is left behind");
    }

    /** Runs {@code profile} and checks the refusal; returns the output. */
    private static String assertRejected(String profile, String content, String... expected) throws Exception {
        minima.profile(profile, content);
        MinimaHome.Result result = minima.run("run", profile);
        assertEquals(2, result.exitCode(), result.output());
        for (String part : expected) {
            assertTrue(result.output().contains(part), "expected '" + part + "' in:\n" + result.output());
        }
        assertEquals(0, minima.runFolders(profile).size(), "no run folder is left behind");
        return result.output();
    }
}
