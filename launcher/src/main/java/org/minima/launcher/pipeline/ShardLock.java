package org.minima.launcher.pipeline;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

import org.minima.launcher.config.InputError;
import org.minima.launcher.folder.RunFolder;

/**
 * The lock a process holds on {@code shards/I-of-K.lock} while it works on shard I of K, so two processes given the
 * same shard never write the same units: the second is refused before any work. The operating system releases the
 * lock when the process ends, however it ends.
 */
public final class ShardLock implements AutoCloseable {

    private final FileChannel channel;
    private final FileLock lock;

    private ShardLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /**
     * Takes the lock of {@code shard} in {@code folder}.
     *
     * @throws InputError when another process holds it
     */
    public static ShardLock acquire(RunFolder folder, Shard shard) throws IOException {
        Path file = folder.shardFile(shard.label(), ".lock");
        FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (OverlappingFileLockException e) {
            lock = null;
        }
        if (lock == null) {
            channel.close();
            throw new InputError("shard " + shard + " of " + folder.path() + " is being run by another process (it "
                    + "holds " + file + "); not starting a second copy");
        }
        return new ShardLock(channel, lock);
    }

    /** Whether a process holds the lock of {@code shard} now. */
    static boolean held(RunFolder folder, Shard shard) throws IOException {
        try (ShardLock ignored = acquire(folder, shard)) {
            return false;
        } catch (InputError e) {
            return true;
        }
    }

    @Override
    public void close() throws IOException {
        lock.release();
        channel.close();
    }
}
