package org.minima.launcher.folder;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.minima.api.Table;

/** Tables as CSV files with a header row (RFC 4180, Commons CSV). */
public final class CsvTables {

    private CsvTables() {
    }

    /** Writes {@code table} to {@code file} atomically. */
    public static void write(Table table, Path file) throws IOException {
        CSVFormat format = CSVFormat.RFC4180.builder().setHeader(table.columns().toArray(String[]::new)).get();
        AtomicFiles.write(file, tmp -> {
            try (Writer out = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8);
                 CSVPrinter printer = new CSVPrinter(out, format)) {
                for (List<Object> row : table.rows()) {
                    printer.printRecord(row.stream().map(CsvTables::format).toList());
                }
            }
        });
    }

    /**
     * Reads a table written by {@link #write}; values are text.
     *
     * @throws DamagedFile when a row has another number of values than the header (a file cut mid-row) or the file
     *                     is not CSV
     */
    public static Table read(String name, Path file) throws IOException {
        CSVFormat format = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get();
        List<String> header;
        List<List<Object>> rows = new ArrayList<>();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8);
             CSVParser parser = CSVParser.parse(in, format)) {
            header = parser.getHeaderNames();
            for (CSVRecord record : parser) {
                if (record.size() != header.size()) {
                    throw new DamagedFile(file, "line " + parser.getCurrentLineNumber() + " has " + record.size()
                            + " values where its header has " + header.size() + " (cut short or overwritten)", "");
                }
                rows.add(new ArrayList<>(record.toList()));
            }
        } catch (UncheckedIOException | IllegalArgumentException e) {
            throw new DamagedFile(file, "not a CSV table: " + e.getMessage(), "");
        }
        return new Table(name, header, rows);
    }

    private static String format(Object value) {
        return value == null ? "" : value.toString();
    }
}
