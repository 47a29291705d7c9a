package org.minima.launcher.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.minima.launcher.config.InputError;

class CommandLineTest {

    @Test
    void parsesARunWithOverridesInOrder() {
        CommandLine cli = CommandLine.parse(new String[] {"run", "quick", "--set", "steps=1-3", "--set=a.b = c"});
        assertEquals("run", cli.command());
        assertEquals("quick", cli.profile());
        assertEquals(Map.of("steps", "1-3", "a.b", "c"), cli.overrides());
        assertTrue(cli.resume().isEmpty());
    }

    @Test
    void parsesAResumeWithoutProfile() {
        CommandLine cli = CommandLine.parse(new String[] {"run", "--resume", "results/quick/1"});
        assertEquals("", cli.profile());
        assertEquals(Path.of("results/quick/1"), cli.resume().orElseThrow());
    }

    @Test
    void rejectsWhatItDoesNotKnow() {
        assertTrue(assertThrows(InputError.class, () -> CommandLine.parse(new String[] {"train"}))
                .getMessage().contains("unknown command 'train'"));
        assertTrue(assertThrows(InputError.class, () -> CommandLine.parse(new String[] {"run"}))
                .getMessage().contains("PROFILE"));
        assertTrue(assertThrows(InputError.class, () -> CommandLine.parse(new String[] {"run", "q", "--set", "x"}))
                .getMessage().contains("KEY=VALUE"));
        assertTrue(assertThrows(InputError.class, () -> CommandLine.parse(new String[] {"run", "a", "b"}))
                .getMessage().contains("unexpected argument 'b'"));
    }

    @Test
    void parsesAProbeCommandWithItsProbesAndOverrides() {
        CommandLine cli = CommandLine.parse(new String[] {"probe", "results/quick/1", "straight-walk", "other",
            "--set", "straight-walk.points=5"});
        assertEquals("probe", cli.command());
        assertTrue(cli.probesOnly());
        assertEquals(Optional.of(Path.of("results/quick/1")), cli.resume());
        assertEquals(List.of("straight-walk", "other"), cli.probes());
        assertEquals(Map.of("straight-walk.points", "5"), cli.overrides());
        assertTrue(assertThrows(InputError.class, () -> CommandLine.parse(new String[] {"probe", "results/q/1"}))
                .getMessage().contains("at least one PROBE"));
        assertTrue(assertThrows(InputError.class, () -> CommandLine.parse(new String[] {"probe", "r", "p", "--set",
            "probes=x"})).getMessage().contains("not allowed"));
    }

    @Test
    void aShardNeedsARunIdAndPlanKeepsItsShardCount() {
        CommandLine shard = CommandLine.parse(new String[] {"run", "firner", "--shard", "auto/20", "--run-id", "x"});
        assertEquals(Optional.of("auto/20"), shard.shard());
        assertEquals(Optional.of("x"), shard.runId());
        assertTrue(assertThrows(InputError.class, () -> CommandLine.parse(new String[] {"run", "firner", "--shard",
            "0/2"})).getMessage().contains("--shard needs --run-id"));
        assertTrue(assertThrows(InputError.class, () -> CommandLine.parse(new String[] {"run", "firner", "--run-id",
            "x"})).getMessage().contains("give --shard I/K too"));
        CommandLine plan = CommandLine.parse(new String[] {"plan", "firner", "--shards", "20", "--set", "steps=1"});
        assertEquals("plan", plan.command());
        assertEquals(Optional.of("0/20"), plan.shard());
        assertEquals(Map.of("steps", "1"), plan.overrides());
        CommandLine merge = CommandLine.parse(new String[] {"merge", "results/firner/x"});
        assertEquals(Optional.of(Path.of("results/firner/x")), merge.resume());
    }

    @Test
    void helpIsTheDefault() {
        assertEquals("help", CommandLine.parse(new String[0]).command());
    }
}
