package org.minima.launcher.pipeline;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import org.minima.launcher.config.InputError;
import org.minima.launcher.folder.Host;
import org.minima.launcher.folder.RunFolder;

/**
 * The lock a process holds while it writes a run folder: {@value #RUN_LOCK} for a whole run (a resume, probes, a
 * merge, serve mode), {@code shards/I-of-K.lock} for shard I of K. A second process wanting the same lock is refused
 * before any work, told which process holds it (the holder writes its pid, host, start and command into the file).
 * The operating system releases the lock when the process ends, however it ends.
 */
public final class WriterLock implements AutoCloseable {

    /** The whole run's lock file in the run folder. */
    public static final String RUN_LOCK = "run.lock";

    private final FileChannel channel;
    private final FileLock lock;

    private WriterLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /**
     * Takes the lock of {@code shard} in {@code folder} ({@link Shard#WHOLE}: the run's), recording {@code command}
     * as the holder's.
     *
     * @throws InputError when another process holds it, naming that process
     */
    public static WriterLock acquire(RunFolder folder, Shard shard, String command) throws IOException {
        Path file = file(folder, shard);
        FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        FileLock lock = tryLock(channel);
        if (lock == null) {
            channel.close();
            throw new InputError((shard.isWhole() ? "run folder " + folder.path() : "shard " + shard + " of "
                    + folder.path()) + " is being written by another process (" + holder(file) + "; it holds "
                    + file + "); not starting a second writer: wait for it to end, or stop it first");
        }
        String holder = "pid " + ProcessHandle.current().pid() + " on " + Host.name() + " since "
                + Instant.now().truncatedTo(ChronoUnit.SECONDS) + ": " + command + "\n";
        channel.truncate(0);
        channel.write(ByteBuffer.wrap(holder.getBytes(StandardCharsets.UTF_8)), 0);
        return new WriterLock(channel, lock);
    }

    /** Whether a process holds the lock of {@code shard} in {@code folder} now. */
    static boolean held(RunFolder folder, Shard shard) throws IOException {
        try (FileChannel channel = FileChannel.open(file(folder, shard), StandardOpenOption.CREATE,
                StandardOpenOption.WRITE)) {
            FileLock lock = tryLock(channel);
            if (lock != null) {
                lock.release();
            }
            return lock == null;
        }
    }

    private static Path file(RunFolder folder, Shard shard) throws IOException {
        return shard.isWhole() ? folder.file(RUN_LOCK) : folder.shardFile(shard.label(), ".lock");
    }

    private static FileLock tryLock(FileChannel channel) throws IOException {
        try {
            return channel.tryLock();
        } catch (OverlappingFileLockException e) {
            return null;
        }
    }

    private static String holder(Path file) {
        try {
            String text = Files.readString(file, StandardCharsets.UTF_8).strip();
            return text.isEmpty() ? "a process that has not yet said who it is" : text;
        } catch (IOException e) {
            return "a process whose record could not be read: " + e.getMessage();
        }
    }

    @Override
    public void close() throws IOException {
        lock.release();
        channel.close();
    }
}
