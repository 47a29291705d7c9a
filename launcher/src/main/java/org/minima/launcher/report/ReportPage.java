package org.minima.launcher.report;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.minima.api.Table;
import org.minima.launcher.folder.AtomicFiles;
import org.minima.launcher.folder.RunFolder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;


/**
 * {@code report.html}: a static page of a run folder that a person opens from the file system (no server, no
 * network; its style and script are inline, its figures and files are the run's own, linked relatively). It shows
 * what ran (profile, command, versions, commit, bundles, configuration), the status and duration and, for a failed
 * run, what failed and what finished; every figure; every table, sortable and filterable; the training curves as
 * small multiples; and links to every CSV and model file.
 */
public final class ReportPage {

    /** The page's file name in the run folder. */
    public static final String FILE = "report.html";
    private static final Logger LOG = LoggerFactory.getLogger(ReportPage.class);
    private static final List<String> FIRST_TABLES = List.of(RunFolder.SUMMARY_TABLE, RunFolder.EVALUATION_TABLE,
            RunFolder.TRAINING_TABLE);

    private final RunFolder folder;
    private final Map<String, Object> record;

    private ReportPage(RunFolder folder, Map<String, Object> record) {
        this.folder = folder;
        this.record = record;
    }

    /** Writes {@code report.html} of {@code folder}, atomically; returns its path. */
    public static Path write(RunFolder folder) throws IOException {
        Map<String, Object> json = RunFolder.readRecord(folder.recordFile());
        Path page = folder.file(FILE);
        AtomicFiles.writeString(page, new ReportPage(folder, json).html());
        LOG.info("report: {}", page);
        return page;
    }

    /** Writes the report, logging instead of failing: a report must never turn a finished run into a failed one. */
    public static void writeQuietly(RunFolder folder) {
        try {
            write(folder);
        } catch (IOException | RuntimeException e) {
            LOG.warn("could not write {} in {}: {}", FILE, folder.path(), e.toString());
        }
    }

    private String html() throws IOException {
        StringBuilder out = new StringBuilder("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n");
        out.append("<title>").append(Html.escape("Minima " + value("profile") + " " + folder.runId()))
                .append("</title>\n<style>\n").append(resource("report.css")).append("</style></head><body>\n");
        out.append(header()).append(whatRan()).append(figures()).append(tables()).append(curves()).append(files());
        out.append("<script>\n").append(resource("report.js")).append("</script>\n</body></html>\n");
        return out.toString();
    }

    private String header() throws IOException {
        String status = value("status");
        StringBuilder out = new StringBuilder("<h1>").append(Html.escape(value("profile"))).append(" — run ")
                .append(Html.escape(folder.runId())).append("</h1>\n<p><span class=\"status status-")
                .append(Html.escape(status)).append("\" id=\"status\">").append(Html.escape(status))
                .append("</span> latest command started ").append(Html.escape(value("started")))
                .append(", ended ").append(Html.escape(value("ended"))).append(duration()).append("</p>\n");
        if (!"succeeded".equals(status) && !"running".equals(status)) {
            out.append("<div class=\"error\" id=\"failure\"><strong>The latest attempt ").append(Html.escape(status))
                    .append(":</strong> ").append(Html.escape(value("error"))).append("\n\nFinished so far: ")
                    .append(folder.modelCount()).append(" trained models; tables ")
                    .append(Html.escape(String.join(", ", new TreeSet<>(folder.tables()))))
                    .append(". Resume with <code>./minima run --resume ").append(Html.escape(folder.path()))
                    .append("</code>.</div>\n");
        }
        return out.toString();
    }

    /** The time every command on the folder took, summed, and how many there were. */
    @SuppressWarnings("unchecked")
    private String duration() {
        long seconds = 0;
        int commands = 0;
        if (record.get("attempts") instanceof List<?> attempts) {
            for (Object attempt : attempts) {
                Map<String, Object> map = (Map<String, Object>) attempt;
                try {
                    seconds += Duration.between(OffsetDateTime.parse(String.valueOf(map.get("started"))),
                            OffsetDateTime.parse(String.valueOf(map.get("ended")))).toSeconds();
                    commands++;
                } catch (RuntimeException unfinished) {
                    // an attempt that never recorded its end adds no time
                }
            }
        }
        return commands == 0 ? "" : " (" + seconds + " s over " + commands + " command" + (commands > 1 ? "s" : "")
                + " on this folder)";
    }

    private String whatRan() throws IOException {
        StringBuilder out = new StringBuilder("<h2>What ran</h2>\n");
        out.append(Html.definitions(List.of("profile", value("profile"), "command", value("command"),
                "same configuration, new run", "./minima run " + folder.file(RunFolder.CONFIG), "git commit", value("git_commit"), "versions",
                value("versions"), "seeds", value("seeds"), "host", value("host"))));
        out.append("<h3>Bundles</h3>\n").append(Html.table("bundles", rows("bundles", List.of("bundle", "version",
                "sha256", "services")), RunFolder.RECORD));
        out.append("<h3>Commands on this folder</h3>\n").append(Html.table("attempts", rows("attempts",
                List.of("command", "started", "ended", "status", "error", "git_commit")), RunFolder.RECORD));
        out.append("<details><summary>Resolved configuration (").append(RunFolder.CONFIG)
                .append(")</summary>\n").append(Html.table("configuration", configuration(), RunFolder.CONFIG))
                .append("</details>\n");
        return out.toString();
    }

    @SuppressWarnings("unchecked")
    private Table rows(String key, List<String> columns) {
        Table.Builder table = Table.builder(key, columns);
        if (record.get(key) instanceof List<?> entries) {
            for (Object entry : entries) {
                Map<String, Object> map = (Map<String, Object>) entry;
                table.row(columns.stream().map(c -> map.get(c) == null ? "" : map.get(c).toString()).toArray());
            }
        }
        return table.build();
    }

    private Table configuration() throws IOException {
        Properties properties = new Properties();
        Path file = folder.file(RunFolder.CONFIG);
        if (Files.isRegularFile(file)) {
            try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                properties.load(reader);
            }
        }
        Table.Builder table = Table.builder("configuration", List.of("key", "value"));
        new TreeMap<>(properties).forEach((key, value) -> table.row(key, value));
        return table.build();
    }

    private String figures() throws IOException {
        StringBuilder out = new StringBuilder("<h2>Figures</h2>\n<div class=\"figures\">\n");
        List<String> figures = files(folder.path(), ".svg");
        for (String figure : figures) {
            out.append("<figure><img src=\"").append(Html.escape(figure)).append("\" alt=\"")
                    .append(Html.escape(figure)).append("\"><figcaption>").append(Html.link(figure, figure))
                    .append("</figcaption></figure>\n");
        }
        return out.append(figures.isEmpty() ? "<p>No figures yet.</p>" : "").append("</div>\n").toString();
    }

    private String tables() throws IOException {
        List<String> names = new ArrayList<>(FIRST_TABLES.stream().filter(folder::hasTable).toList());
        new TreeSet<>(folder.tables()).stream().filter(t -> !names.contains(t)
                && !t.equals(RunFolder.CURVES_TABLE)).forEach(names::add);
        StringBuilder out = new StringBuilder("<h2>Tables</h2>\n");
        for (String name : names) {
            out.append("<h3 id=\"table-").append(Html.escape(name)).append("\">").append(Html.escape(name))
                    .append("</h3>\n").append(Html.table("t-" + name, folder.readTable(name), name + ".csv"));
        }
        return out.toString();
    }

    private String curves() throws IOException {
        if (!folder.hasTable(RunFolder.CURVES_TABLE)) {
            return "";
        }
        return "<h2>Training curves</h2>\n" + CurvePlots.of(folder.readTable(RunFolder.CURVES_TABLE));
    }

    private String files() throws IOException {
        StringBuilder out = new StringBuilder("<h2>Files</h2>\n<ul>\n");
        List<String> names = new ArrayList<>(List.of(RunFolder.RECORD, RunFolder.CONFIG, RunFolder.LOG,
                RunFolder.PROVENANCE));
        names.addAll(files(folder.path(), ".csv"));
        names.addAll(files(folder.path(), ".png"));
        for (String name : names) {
            if (Files.exists(folder.path().resolve(name))) {
                out.append("<li>").append(Html.link(name, name)).append("</li>\n");
            }
        }
        for (String model : files(folder.path().resolve(RunFolder.MODELS), ".zip")) {
            out.append("<li>").append(Html.link(RunFolder.MODELS + "/" + model, RunFolder.MODELS + "/" + model))
                    .append("</li>\n");
        }
        return out.append("</ul>\n").toString();
    }

    private static List<String> files(Path dir, String suffix) throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(suffix) && !n.startsWith("."))
                    .sorted().toList();
        }
    }

    private String value(String key) {
        Object value = record.get(key);
        return value == null ? "" : value.toString();
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = ReportPage.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IOException("the report's " + name + " is missing from the launcher jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
