package org.minima.launcher.pipeline;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.minima.api.init.InitRequest;
import org.minima.api.init.Initializer;
import org.minima.api.init.Initialization;
import org.minima.api.model.ModelSpec;
import org.minima.api.run.Experiment;
import org.minima.api.train.TrainingJob;
import org.minima.api.train.TrainingMonitor;
import org.minima.api.train.TrainingResult;
import org.minima.api.train.TrainingSpec;
import org.minima.launcher.config.Bound;
import org.minima.launcher.config.RunPlan;
import org.minima.launcher.folder.Host;
import org.minima.launcher.folder.RunFolder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * How fast this machine trains the grid's networks: for each distinct (n, m), a short real training job (the
 * study's trainer, batch size, board size and first initializer, one thread) measures samples per second. Rates are
 * cached per machine (CPU model and cores), trainer bundle and options, architecture and size in
 * {@code ~/.cache/minima/calibration.json} ({@code MINIMA_CACHE} overrides the folder), so {@code minima plan} is
 * quick the second time.
 */
public final class Calibration {

    private static final Logger LOG = LoggerFactory.getLogger(Calibration.class);
    private static final int BATCHES = 30;
    private static final int WARM_UP_BATCHES = 5;
    private static final double MIN_SECONDS = 0.5;
    /** This machine's CPU model, read once: the cache key of every size names it. */
    private static final String CPU = Host.cpuModel();

    private final Path file;
    private final Map<String, Double> rates;

    private Calibration(Path file, Map<String, Double> rates) {
        this.file = file;
        this.rates = rates;
    }

    /** The cache of this user. */
    public static Calibration cached() throws IOException {
        String dir = System.getenv("MINIMA_CACHE");
        Path file = (dir != null ? Path.of(dir) : Path.of(System.getProperty("user.home"), ".cache", "minima"))
                .resolve("calibration.json");
        Map<String, Double> rates = Files.isRegularFile(file) ? new ObjectMapper().readValue(file.toFile(),
                new TypeReference<TreeMap<String, Double>>() { }) : new TreeMap<>();
        // an earlier version could store a non-positive rate from an untimeably short run: measure those again
        rates.values().removeIf(rate -> !(rate > 0));
        return new Calibration(file, rates);
    }

    /** The estimated seconds to train each of {@code points} on one thread, calibrating sizes not cached yet. */
    public Map<GridPoint, Double> seconds(RunPlan plan, List<GridPoint> points) throws Exception {
        Experiment experiment = plan.experiment();
        long samples = (long) experiment.training().batches() * experiment.training().batchSize();
        Map<GridPoint, Double> seconds = new LinkedHashMap<>();
        for (GridPoint point : points) {
            seconds.put(point, samples / rate(plan, point));
        }
        return seconds;
    }

    /**
     * The estimated seconds to train {@code plan}'s whole grid on {@code threads} threads, quickly: sizes already
     * calibrated use their rate; the others are extrapolated by training cost ({@link ShardAssignment#cost}) from
     * the calibrated ones, calibrating the cheapest size of the grid first when none is.
     *
     * @return the estimate and how many of the grid's sizes were calibrated
     */
    public Estimate quickEstimate(RunPlan plan, int threads) throws Exception {
        Experiment experiment = plan.experiment();
        var model = plan.model().orElseThrow().service();
        long samples = (long) experiment.training().batches() * experiment.training().batchSize();
        Map<String, GridPoint> sizes = new LinkedHashMap<>();
        Map<String, Double> costs = new LinkedHashMap<>();
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (GridPoint point : GridPoint.all(experiment, plan.model().orElseThrow().name())) {
            String key = key(plan, point);
            sizes.putIfAbsent(key, point);
            counts.merge(key, 1, Integer::sum);
            costs.computeIfAbsent(key, k -> ShardAssignment.cost(experiment,
                    model.layout(point.modelSpec(experiment))));
        }
        if (sizes.keySet().stream().noneMatch(rates::containsKey)) {
            String cheapest = costs.entrySet().stream().min(Map.Entry.comparingByValue()).orElseThrow().getKey();
            rate(plan, sizes.get(cheapest));
        }
        double costPerSecond = sizes.keySet().stream().filter(rates::containsKey)
                .mapToDouble(key -> costs.get(key) / (samples / rates.get(key))).average().orElseThrow();
        double total = 0;
        for (String key : sizes.keySet()) {
            double seconds = rates.containsKey(key) ? samples / rates.get(key) : costs.get(key) / costPerSecond;
            total += seconds * counts.get(key);
        }
        int calibrated = (int) sizes.keySet().stream().filter(rates::containsKey).count();
        return new Estimate(total / threads, calibrated, sizes.size());
    }

    /**
     * A quick estimate of a run's duration.
     *
     * @param seconds    the estimated wall-clock seconds
     * @param calibrated how many of the grid's sizes were measured on this machine
     * @param sizes      how many distinct sizes the grid has
     */
    public record Estimate(double seconds, int calibrated, int sizes) {
    }

    private double rate(RunPlan plan, GridPoint point) throws Exception {
        String key = key(plan, point);
        Double known = rates.get(key);
        if (known != null) {
            return known;
        }
        double measured = measure(plan, point);
        LOG.info("calibration: n = {}, m = {}: {} samples/s on one thread", point.steps(), point.width(),
                Math.round(measured));
        rates.put(key, measured);
        Files.createDirectories(file.getParent());
        RunFolder.writeJson(file, new TreeMap<>(rates));
        return measured;
    }

    /**
     * Samples per second of the batches beyond the first {@value #WARM_UP_BATCHES}, after a discarded warm-up run
     * (class loading, JIT): the timed run grows until it lasts {@value #MIN_SECONDS} s, so a tiny network's rate
     * is not the clock's noise.
     */
    private static double measure(RunPlan plan, GridPoint point) throws Exception {
        train(plan, point, WARM_UP_BATCHES + BATCHES);
        int batches = WARM_UP_BATCHES + BATCHES;
        double seconds = train(plan, point, batches).seconds();
        while (seconds < MIN_SECONDS) {
            batches *= 4;
            seconds = train(plan, point, batches).seconds();
        }
        double setUp = train(plan, point, WARM_UP_BATCHES).seconds();
        int batchSize = plan.experiment().training().batchSize();
        if (setUp >= seconds) {
            return (double) batches * batchSize / seconds;
        }
        return (double) (batches - WARM_UP_BATCHES) * batchSize / (seconds - setUp);
    }

    private static TrainingResult train(RunPlan plan, GridPoint point, int batches) throws Exception {
        Experiment experiment = plan.experiment();
        ModelSpec spec = point.modelSpec(experiment);
        var model = plan.model().orElseThrow().service();
        Bound<Initializer> init = plan.init(point.init());
        Initialization start = init.service().initialise(new InitRequest(spec, model.layout(spec), point.seed(),
                point.game(), plan.solutions().map(Bound::service), init.settings()));
        TrainingSpec protocol = experiment.training();
        TrainingSpec shortened = new TrainingSpec(protocol.optimizer(), batches, protocol.batchSize(), batches);
        TrainingJob job = new TrainingJob("calibration", model, spec, plan.dataset().service(),
                experiment.trainData(point.game(), point.density(), point.steps()), shortened, point.seed(),
                start.parameters(), start.frozenBlocks(), plan.trainer().orElseThrow().settings());
        return plan.trainer().orElseThrow().service().train(job, new TrainingMonitor() {
            @Override
            public void batchesDone(int done) {
                // a calibration is short and silent
            }

            @Override
            public boolean cancelled() {
                return false;
            }
        });
    }

    private static String key(RunPlan plan, GridPoint point) {
        Experiment experiment = plan.experiment();
        Bound<?> trainer = plan.trainer().orElseThrow();
        return String.join(" | ", CPU, Runtime.getRuntime().availableProcessors() + " cores",
                trainer.origin().toString(), new TreeMap<>(trainer.settings().rawValues()).toString(),
                point.architecture(), point.modelSpec(experiment).toString(),
                "batch " + experiment.training().batchSize(), "board " + experiment.trainShape(),
                point.game().neighbourhood().label());
    }
}
