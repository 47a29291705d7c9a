package org.minima.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.fabric8.kubernetes.api.model.batch.v1.Job;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/**
 * The cluster recipes of docs/cluster.md: the Kubernetes manifests are Jobs by the Kubernetes API's schema (fabric8's
 * model of it: field names and types) whose shard count, command and shared volume agree with each other and with Minima's command line; {@code minima plan} estimates and prints the
 * commands for a real profile.
 */
class ClusterRecipesIT {

    private static final Path DOCS = Path.of("..", "docs", "cluster");
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    @TempDir
    Path dir;

    @Test
    void theIndexedJobRunsOneShardPerIndexOnASharedVolume() throws Exception {
        assertKubernetesJob(DOCS.resolve("minima-indexed-job.yaml"));
        assertKubernetesJob(DOCS.resolve("minima-merge-job.yaml"));
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

    /** The Slurm scripts parse as bash (SlurmIT runs them on a real single-node Slurm where one is installed). */
    @Test
    void theSlurmScriptsAreValidBash() throws Exception {
        for (String script : List.of("minima-array.sbatch", "minima-merge.sbatch")) {
            Process check = new ProcessBuilder("bash", "-n", DOCS.resolve(script).toString()).redirectErrorStream(true)
                    .start();
            String output = new String(check.getInputStream().readAllBytes());
            assertEquals(0, check.waitFor(), script + ": " + output);
        }
    }

    /** A field the API does not have, or a value of the wrong type, is found: the check can fail. */
    @Test
    void theManifestCheckFindsAMisspeltFieldAndAWrongType() throws Exception {
        String manifest = Files.readString(DOCS.resolve("minima-indexed-job.yaml"));
        assertEquals(List.of("/spec/completionMod"), unknownFields(YAML.readValue(manifest.replace("completionMode:",
                "completionMod:"), Job.class)));
        assertEquals(List.of("/spec/template/spec/containers[0]/volumeMount"), unknownFields(YAML.readValue(
                manifest.replace("volumeMounts:", "volumeMount:"), Job.class)));
        String wrongType = manifest.replaceFirst("completions: \\d+", "completions: many");
        assertTrue(!wrongType.equals(manifest), "the manifest sets completions");
        assertThrows(JsonMappingException.class, () -> YAML.readValue(wrongType, Job.class));
    }

    /**
     * {@code file} is a Kubernetes batch/v1 Job by the Kubernetes API's own model (fabric8's, generated from the
     * API's OpenAPI schema): every value has the field's type, and no field is one the API does not have.
     */
    private static void assertKubernetesJob(Path file) throws Exception {
        Job job = YAML.readValue(file.toFile(), Job.class);
        assertEquals("batch/v1", job.getApiVersion(), file.toString());
        assertEquals(List.of(), unknownFields(job), file + ": fields the Kubernetes API does not have");
        assertTrue(!job.getSpec().getTemplate().getSpec().getContainers().isEmpty()
                && job.getSpec().getTemplate().getSpec().getContainers().get(0).getImage() != null, file
                + ": a container with an image");
    }

    /** The paths of the fields of {@code value} the model kept aside as unknown (its additional properties). */
    private static List<String> unknownFields(Object value) throws ReflectiveOperationException {
        List<String> unknown = new ArrayList<>();
        collectUnknown(value, "", unknown);
        return unknown;
    }

    private static void collectUnknown(Object value, String path, List<String> unknown)
            throws ReflectiveOperationException {
        if (value instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                collectUnknown(list.get(i), path + "[" + i + "]", unknown);
            }
            return;
        }
        if (value instanceof Map<?, ?> map) {
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                collectUnknown(entry.getValue(), path + "/" + entry.getKey(), unknown);
            }
            return;
        }
        if (value == null || !value.getClass().getPackageName().startsWith("io.fabric8.kubernetes.api.model")) {
            return;
        }
        for (Method getter : value.getClass().getMethods()) {
            String name = getter.getName();
            if (getter.getParameterCount() > 0 || !name.startsWith("get") || name.equals("getClass")) {
                continue;
            }
            Object child = getter.invoke(value);
            if (name.equals("getAdditionalProperties")) {
                ((Map<?, ?>) child).keySet().forEach(key -> unknown.add(path + "/" + key));
            } else {
                collectUnknown(child, path + "/" + Character.toLowerCase(name.charAt(3)) + name.substring(4),
                        unknown);
            }
        }
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
