package org.minima.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.minima.api.Table;
import org.minima.api.model.Activation;
import org.minima.api.model.ModelSpec;
import org.minima.api.model.ParameterLayout;
import org.minima.api.model.ParameterVector;
import org.minima.arch.FirnerModel;
import org.minima.it.constant.ConstantInitializer;
import org.minima.it.constant.FailingInitializer;

/**
 * Bundles written outside Minima, dropped into deploy/: an initializer that trains through the real framework, and
 * a bundle that cannot resolve, named with what it lacks.
 */
class PluginBundleIT {

    private static final String CONSTANT_IMPORTS = "org.minima.api;version=\"[2.0,3)\","
            + "org.minima.api.data;version=\"[2.0,3)\",org.minima.api.init;version=\"[1.0,2)\","
            + "org.minima.api.model;version=\"[2.0,3)\",org.minima.api.run;version=\"[2.0,3)\",org.osgi.framework";
    private static final String TWO_STEPS = MinimaHome.TINY_TRAINING.replace("steps = 1\n", "steps = 2\n")
            .replace("model.width = 1, 2\n", "model.width = 2\n") + """
            train.batches = 40
            train.seeds = 1
            """;
    private static final float VALUE = 0.01f;

    @TempDir
    Path dir;

    private MinimaHome withConstantInitializer() throws Exception {
        MinimaHome minima = new MinimaHome(dir);
        TestBundles.write(minima.home().resolve("deploy").resolve("constant.jar"), "org.minima.it.constant",
                Map.of("Bundle-Activator", ConstantInitializer.class.getName(), "Import-Package", CONSTANT_IMPORTS),
                ConstantInitializer.class);
        return minima;
    }

    @Test
    void anInitializerBundleStartsTheModelsAndItsFrozenBlocksComeOutUnchanged() throws Exception {
        MinimaHome minima = withConstantInitializer();
        minima.profile("still", TWO_STEPS + "init = constant\nconstant.freeze = 0, 1\n");
        MinimaHome.Result still = minima.run("run", "still");
        assertEquals(0, still.exitCode(), still.output());
        ParameterVector all = parameters(minima.onlyRunFolder("still"), "von-neumann-dead-p0.5-n2-m2-constant-s1");
        for (int i = 0; i < all.size(); i++) {
            assertEquals(VALUE, all.get(i), 0, "every block frozen: the model is exactly what the initializer gave");
        }

        minima.profile("half", TWO_STEPS + "init = constant, pytorch-default\nconstant.freeze = 0\n");
        MinimaHome.Result half = minima.run("run", "half");
        assertEquals(0, half.exitCode(), half.output());
        Path run = minima.onlyRunFolder("half");
        Table training = MinimaHome.table(run, "training");
        assertEquals(List.of("von-neumann-dead-p0.5-n2-m2-constant-s1",
                "von-neumann-dead-p0.5-n2-m2-pytorch-default-s1"), training.distinct("model"));
        assertEquals(List.of("constant", "pytorch-default"), training.distinct("init"));
        assertEquals("freeze=0; value=0.01", training.text(0, "init_options"));
        assertEquals("0", training.text(0, "frozen_blocks"));
        assertEquals("", training.text(1, "frozen_blocks"));
        ParameterVector trained = parameters(run, "von-neumann-dead-p0.5-n2-m2-constant-s1");
        ParameterLayout layout = new FirnerModel().layout(spec());
        for (int i : layout.indicesOf(Set.of(0))) {
            assertEquals(Float.floatToIntBits(VALUE), Float.floatToIntBits(trained.get(i)), "frozen parameter " + i);
        }
        int moved = 0;
        for (int i : layout.indicesOf(Set.of(1))) {
            moved += trained.get(i) != VALUE ? 1 : 0;
        }
        assertTrue(moved > 0, "block 1 trained");
        assertEquals(List.of("constant", "pytorch-default"), MinimaHome.table(run, "summary").distinct("init"));
    }

    @Test
    void anInitializersOwnCheckRefusesTheProfileBeforeTraining() throws Exception {
        MinimaHome minima = withConstantInitializer();
        minima.profile("deep", TWO_STEPS + "init = constant\nconstant.freeze = 2\n");
        MinimaHome.Result result = minima.run("run", "deep");
        assertEquals(2, result.exitCode(), result.output());
        assertTrue(result.output().contains("key 'constant.freeze' = '2': service 'constant' (key 'init') rejects it: "
                + "block 2 does not exist in a network of 2 blocks"), result.output());
        assertEquals(List.of(), minima.runFolders("deep"));
    }

    @Test
    void aBundleThatDoesNotResolveIsNamedWithTheMissingPackage() throws Exception {
        MinimaHome minima = new MinimaHome(dir);
        TestBundles.write(minima.home().resolve("deploy").resolve("broken.jar"), "org.minima.it.broken",
                Map.of("Bundle-Activator", ConstantInitializer.class.getName(),
                        "Import-Package", CONSTANT_IMPORTS + ",com.example.missing"),
                ConstantInitializer.class);
        MinimaHome.Result services = minima.run("services");
        assertEquals(0, services.exitCode(), services.output());
        assertTrue(services.output().contains("Bundles that did not start:"), services.output());
        assertTrue(services.output().contains("bundle org.minima.it.broken 1.0.0"), services.output());
        assertTrue(services.output().contains("osgi.wiring.package=com.example.missing"), services.output());

        minima.profile("broken", MinimaHome.TINY_TRAINING + "init = constant\n");
        MinimaHome.Result run = minima.run("run", "broken");
        assertEquals(2, run.exitCode(), run.output());
        assertTrue(run.output().contains("key 'init': no Initializer service named 'constant'"), run.output());
        assertTrue(run.output().contains("org.minima.it.broken") && run.output().contains("com.example.missing"),
                "the failed bundle that may provide it is named: " + run.output());
    }

    @Test
    void aComponentThatFailsToActivateIsNamedWithItsException() throws Exception {
        MinimaHome minima = new MinimaHome(dir);
        String component = """
                <?xml version="1.0" encoding="UTF-8"?>
                <scr:component xmlns:scr="http://www.osgi.org/xmlns/scr/v1.3.0" name="org.minima.it.failing">
                  <implementation class="%s"/>
                  <service><provide interface="org.minima.api.init.Initializer"/></service>
                  <property name="minima.name" value="failing"/>
                </scr:component>
                """.formatted(FailingInitializer.class.getName());
        TestBundles.write(minima.home().resolve("deploy").resolve("failing.jar"), "org.minima.it.failing",
                Map.of("Service-Component", "OSGI-INF/failing.xml", "Import-Package", CONSTANT_IMPORTS),
                Map.of("OSGI-INF/failing.xml", component), FailingInitializer.class);
        minima.profile("failing", MinimaHome.TINY_TRAINING + "init = failing\n");
        MinimaHome.Result run = minima.run("run", "failing");
        assertEquals(2, run.exitCode(), run.output());
        assertTrue(run.output().contains("key 'init': Initializer service 'failing' of bundle org.minima.it.failing"
                + " 1.0.0"), run.output());
        assertTrue(run.output().contains("component org.minima.it.failing failed to activate")
                && run.output().contains("this initializer needs a GPU it cannot find"), run.output());
        MinimaHome.Result services = minima.run("services");
        assertTrue(services.output().contains("failing - cannot be used:"), services.output());
    }

    private static ModelSpec spec() {
        return new ModelSpec(2, 2, 1, Activation.RELU);
    }

    private static ParameterVector parameters(Path run, String model) throws Exception {
        return new FirnerModel().load(run.resolve("models").resolve(model + ".zip")).parameters();
    }
}
