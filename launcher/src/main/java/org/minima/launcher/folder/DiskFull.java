package org.minima.launcher.folder;

import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A write that failed because the file system holding a run folder is full (ENOSPC), told in a user's words: the
 * folder that filled, the file being written, the space the models still to train need (from those trained so far),
 * and how to finish the run once space is freed. Like bad input, it is something the user can fix: exit 2.
 */
public final class DiskFull {

    /** What Linux and macOS report for ENOSPC. */
    private static final String NO_SPACE = "No space left on device";

    private DiskFull() {
    }

    /** The ENOSPC failure in {@code error}'s chain of causes, if there is one. */
    public static Optional<IOException> in(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof IOException io && isNoSpace(io)) {
                return Optional.of(io);
            }
        }
        return Optional.empty();
    }

    private static boolean isNoSpace(IOException error) {
        String reason = error instanceof FileSystemException fs ? fs.getReason() : null;
        return names(reason) || names(error.getMessage());
    }

    private static boolean names(String text) {
        return text != null && text.contains(NO_SPACE);
    }

    /**
     * The message for {@code error} while writing {@code folder}, whose grid has {@code models} models in all.
     *
     * @param resume the command that finishes the run once space is freed
     */
    public static String message(RunFolder folder, IOException error, int models, String resume) {
        String file = error instanceof FileSystemException fs && fs.getFile() != null ? " while writing "
                + fs.getFile() : "";
        return "the disk holding " + folder.path() + " is full (" + NO_SPACE + file + "); " + need(folder, models)
                + "free space there (df -h " + folder.path() + "), then finish the run with " + resume
                + ": what is finished is kept";
    }

    private static String size(long bytes) {
        return bytes < 1_000_000 ? String.format("%.0f kB", bytes / 1e3) : String.format("%.1f MB", bytes / 1e6);
    }

    /** The space the models still to train need, from the size of those on disk; empty when none is yet. */
    private static String need(RunFolder folder, int models) {
        Path dir = folder.path().resolve(RunFolder.MODELS);
        if (!Files.isDirectory(dir)) {
            return "";
        }
        try (Stream<Path> files = Files.list(dir)) {
            List<Path> all = files.filter(Files::isRegularFile).toList();
            long trained = all.stream().filter(f -> f.toString().endsWith(".zip")).count();
            long bytes = 0;
            for (Path f : all) {
                bytes += Files.size(f);
            }
            long left = models - trained;
            if (trained == 0 || left <= 0) {
                return "";
            }
            return "the " + left + " models left to train need about " + size(left * bytes / trained) + " ("
                    + size(bytes / trained) + " each, from the " + trained + " trained), tables and figures besides; ";
        } catch (IOException e) {
            return "";
        }
    }
}
