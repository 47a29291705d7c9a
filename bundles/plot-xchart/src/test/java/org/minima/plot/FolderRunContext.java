package org.minima.plot;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Optional;

import org.minima.api.Progress;
import org.minima.api.Settings;
import org.minima.api.Table;
import org.minima.api.data.Dataset;
import org.minima.api.model.Model;
import org.minima.api.model.Solutions;
import org.minima.api.run.Experiment;
import org.minima.api.run.RunContext;
import org.minima.api.train.TrainedModel;

/** A run context over a folder holding one table: what a Plot needs, and nothing else. */
record FolderRunContext(Path folder, Experiment experiment, Table table) implements RunContext {

    @Override
    public String runId() {
        return folder.getFileName().toString();
    }

    @Override
    public boolean hasTable(String name) {
        return table.name().equals(name);
    }

    @Override
    public Table readTable(String name) throws IOException {
        if (!hasTable(name)) {
            throw new IOException("no table " + name);
        }
        return table;
    }

    @Override
    public void writeFile(String fileName, FileWriter writer) throws IOException {
        Path temporary = Files.createTempFile(folder, fileName, ".tmp");
        writer.writeTo(temporary);
        Files.move(temporary, folder.resolve(fileName), StandardCopyOption.ATOMIC_MOVE);
    }

    @Override
    public void writeTable(Table table) {
        throw new UnsupportedOperationException();
    }

    @Override
    public Settings settings() {
        throw new UnsupportedOperationException();
    }

    @Override
    public Dataset dataset() {
        throw new UnsupportedOperationException();
    }

    @Override
    public Optional<Model> model() {
        return Optional.empty();
    }

    @Override
    public Optional<Solutions> solutions() {
        return Optional.empty();
    }

    @Override
    public List<TrainedModel> trainedModels() {
        return List.of();
    }

    @Override
    public Progress progress(String task, long total) {
        throw new UnsupportedOperationException();
    }
}
