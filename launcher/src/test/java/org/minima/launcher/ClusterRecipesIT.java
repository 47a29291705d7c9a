package org.minima.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/**
 * The cluster recipes of docs/cluster.md: the Kubernetes manifests are well-formed Jobs whose shard count, command and
 * shared volume agree with each other and with Minima's command line; {@code minima plan} estimates and prints the
 * commands for a real profile.
 */
class ClusterRecipesIT {

    private static final Path DOCS = Path.of("..", "docs", "cluster");
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    @TempDir
    Path dir;

    @Test
    void theIndexedJobRunsOneShardPerIndexOnASharedVolume() throws Exception {
        JsonNode job = YAML.readTree(DOCS.resolve("minima-indexed-job.yaml").toFile());
        assertEquals("batch/v1", job.at("/apiVersion").asText());
        assertEquals("Job", job.at("/kind").asText());
        assertEquals("Indexed", job.at("/spec/completionMode").asText());
        int completions = job.at("/spec/completions").asInt();
        assertEquals(completions, job.at("/spec/parallelism").asInt(), "every index at once");
        JsonNode pod = job.at("/spec/template/spec");
        assertEquals("Never", pod.at("/restartPolicy").asText(), "an Indexed Job's pods must not restart in place");
        JsonNode container = pod.at("/containers/0");
        List<String> command = YAML.convertValue(container.at("/command"), List.class);
        int run = command.indexOf("run");
        assertTrue(run > 0 && command.get(command.indexOf("--shard") + 1).equals("auto/" + completions),
                "--shard auto/K with K = completions: " + command);
        assertTrue(command.contains("--run-id"), command.toString());
        assertSharedVolume(pod, container, command);

        JsonNode merge = YAML.readTree(DOCS.resolve("minima-merge-job.yaml").toFile());
        assertEquals("Job", merge.at("/kind").asText());
        List<String> mergeCommand = YAML.convertValue(merge.at("/spec/template/spec/containers/0/command"),
                List.class);
        String folder = mergeCommand.get(mergeCommand.indexOf("merge") + 1);
        String profile = command.get(run + 1);
        String runId = command.get(command.indexOf("--run-id") + 1);
        assertEquals("/minima/results/" + profile + "/" + runId, folder, "the merge reads the shards' folder");
        assertSharedVolume(merge.at("/spec/template/spec"), merge.at("/spec/template/spec/containers/0"),
                mergeCommand);
    }

    private static void assertSharedVolume(JsonNode pod, JsonNode container, List<String> command) {
        String home = command.stream().filter(a -> a.startsWith("-Dminima.home=")).findFirst().orElseThrow()
                .substring("-Dminima.home=".length());
        JsonNode mount = container.at("/volumeMounts/0");
        assertEquals(home, mount.at("/mountPath").asText(), "Minima's home is the shared volume");
        JsonNode volume = pod.at("/volumes/0");
        assertEquals(mount.at("/name").asText(), volume.at("/name").asText());
        assertTrue(volume.at("/persistentVolumeClaim/claimName").isTextual(), "a claim all pods share");
        assertTrue(command.contains(home + "/launcher/target/minima/minima.jar"), command.toString());
    }

    @Test
    void planEstimatesEachShardOnThisMachineAndPrintsTheCommands() throws Exception {
        MinimaHome minima = new MinimaHome(dir);
        minima.profile("tiny", ShardIT.PROFILE);
        MinimaHome.Result plan = minima.run("plan", "tiny", "--shards", "3", "--set", "train.batches=100");
        assertEquals(0, plan.exitCode(), plan.output());
        String out = plan.output();
        assertTrue(out.contains("profile 'tiny': 8 models; 3 shard(s)"), out);
        for (int index = 0; index < 3; index++) {
            assertTrue(out.matches("(?s).*  shard " + index + "/3: \\d+ models, [0-9.]+ min.*"), out);
        }
        assertTrue(out.contains("sbatch --parsable --array=0-2 --cpus-per-task=") && out.contains(
                "docs/cluster/minima-array.sbatch tiny tiny-") && out.contains(" --set train.batches=100"), out);
        assertTrue(out.contains("./minima merge results/tiny/tiny-"), out);
        Path cache = minima.home().resolve(".cache").resolve("calibration.json");
        Map<?, ?> rates = new ObjectMapper().readValue(cache.toFile(), Map.class);
        assertEquals(4, rates.size(), "one rate per (n, m) of the grid: " + rates.keySet());
        MinimaHome.Result again = minima.run("plan", "tiny", "--shards", "3");
        assertTrue(!again.output().contains("calibration:"), "the second plan uses the cache: " + again.output());
        assertTrue(Files.size(cache) > 0);
    }
}
