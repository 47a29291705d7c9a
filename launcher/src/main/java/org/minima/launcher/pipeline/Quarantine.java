package org.minima.launcher.pipeline;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

import org.minima.api.train.TrainedModel;
import org.minima.launcher.folder.DamagedFile;
import org.minima.launcher.folder.RunFolder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a run does with the damaged files of a model's work (a model that does not load, rows cut mid-row or of the
 * wrong columns). Off, the default, a finished unit is trusted and a damaged file stops the command where it is read,
 * naming it. On ({@code --redo-damaged}), each finished unit is checked first, and a damaged one's files are moved
 * into {@value #FOLDER}/ under their paths in the run folder, kept as evidence, so that its work is done again.
 */
final class Quarantine {

    /** Where damaged files are kept, in the run folder. */
    static final String FOLDER = "damaged";
    static final Quarantine OFF = new Quarantine(null);

    private static final Logger LOG = LoggerFactory.getLogger(Quarantine.class);

    /** A check of a unit's files that throws {@link DamagedFile} when one of them is damaged. */
    interface Check {
        void run() throws IOException;
    }

    private final RunFolder folder;

    private Quarantine(RunFolder folder) {
        this.folder = folder;
    }

    /** Damaged units of {@code folder} are moved away and done again. */
    static Quarantine on(RunFolder folder) {
        return new Quarantine(folder);
    }

    /**
     * Whether the unit whose first file is {@code files.get(0)} is still to do: that file is missing, or (when on)
     * {@code check} found one of the unit's files damaged and all of {@code files} were moved into
     * {@value #FOLDER}/.
     */
    boolean toDo(List<Path> files, Check check) throws IOException {
        if (!Files.exists(files.get(0))) {
            return true;
        }
        if (folder == null) {
            return false;
        }
        try {
            check.run();
            return false;
        } catch (DamagedFile e) {
            for (Path file : files) {
                moveAway(file);
            }
            LOG.warn("{}: moved into {}/, its work is done again", e.getMessage(), FOLDER);
            return true;
        }
    }

    /**
     * The models of {@code models} whose rows in {@code dir} ({@code ID.csv}) are still to do: missing, or damaged
     * (not a table of {@code declared}'s columns) and moved away.
     */
    List<TrainedModel> withoutRows(List<TrainedModel> models, Path dir, ModelRows declared) throws IOException {
        List<TrainedModel> todo = new ArrayList<>();
        for (TrainedModel model : models) {
            Path rows = ModelRows.file(dir, model);
            if (toDo(List.of(rows), () -> declared.read(rows))) {
                todo.add(model);
            }
        }
        return todo;
    }

    private void moveAway(Path file) throws IOException {
        if (Files.exists(file)) {
            Path kept = folder.path().resolve(FOLDER).resolve(folder.path().relativize(file));
            Files.createDirectories(kept.getParent());
            Files.move(file, kept, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
