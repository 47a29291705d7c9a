package org.minima.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad input gets a message naming the file, key and what is allowed, exit code 2, and no run folder. */
class BadInputIT {

    private static final String VALID = """
            analyses = baseline
            data.neighbourhood = moore
            steps = 1-3
            baseline.boards = 100
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
        assertRejected("malformed", VALID + "baseline.boards = many\n",
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
        assertRejected("many", VALID + "model.width = 0\nrun.threads = -1\n", "2 problems", "'model.width'",
                "'run.threads'");
    }

    private static void assertRejected(String profile, String content, String... expected) throws Exception {
        minima.profile(profile, content);
        MinimaHome.Result result = minima.run("run", profile);
        assertEquals(2, result.exitCode(), result.output());
        for (String part : expected) {
            assertTrue(result.output().contains(part), "expected '" + part + "' in:\n" + result.output());
        }
        assertEquals(0, minima.runFolders(profile).size(), "no run folder is left behind");
    }
}
