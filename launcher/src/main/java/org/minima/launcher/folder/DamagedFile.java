package org.minima.launcher.folder;

import java.nio.file.Path;

import org.minima.launcher.config.InputError;

/**
 * A file of a run folder that cannot be what it should be: a model that does not load, a table cut mid-row or of the
 * wrong columns, a record that is not JSON. Its message names the file and what is wrong with it, and says that it
 * was left as it is (its evidence is never overwritten silently); like bad input, the user can fix it: exit 2.
 */
public final class DamagedFile extends InputError {

    /** What a user can do about a damaged file of one model's work (its model, curve, summary or rows). */
    public static final String REDO = "./minima run --resume RUN_FOLDER --redo-damaged moves such files into the run"
            + " folder's damaged/ and does their model's work again";

    private final transient Path file;
    private final String problem;

    /** {@code file} is damaged: {@code problem}; {@code remedy} (may be empty) says what the user can do. */
    public DamagedFile(Path file, String problem, String remedy) {
        super(file + " is damaged: " + problem + "; it was left as it is" + (remedy.isEmpty() ? "" : ". " + remedy));
        this.file = file;
        this.problem = problem;
    }

    /** The same damage, with what the user can do about it. */
    public DamagedFile withRemedy(String remedy) {
        return new DamagedFile(file, problem, remedy);
    }

    /** The damaged file. */
    public Path file() {
        return file;
    }
}
