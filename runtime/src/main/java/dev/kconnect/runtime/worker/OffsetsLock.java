package dev.kconnect.runtime.worker;

import dev.kconnect.cli.input.BadInputException;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A standalone worker's hold on its offsets file: two workers sharing one would each overwrite
 * the other's offsets. The lock is on a file beside it ({@code .lock}), not on the offsets file
 * itself: Connect rewrites that one, and closing any handle to a file drops a process's locks
 * on it. The operating system releases the lock when the process ends, even on kill -9.
 */
public final class OffsetsLock implements AutoCloseable {
    private final FileChannel channel;
    private final FileLock lock;

    private OffsetsLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /**
     * Creates the offsets file's folder and locks the file for this process.
     *
     * @param connectors the names of the worker's connectors, for the message
     * @throws BadInputException when another worker holds it, or the folder cannot be made
     */
    public static OffsetsLock acquire(Path offsetsFile, List<String> connectors) {
        Path lockFile = offsetsFile.resolveSibling(offsetsFile.getFileName() + ".lock");
        FileChannel channel = null;
        try {
            Path folder = offsetsFile.toAbsolutePath().getParent();
            if (folder != null) {
                Files.createDirectories(folder);
            }
            channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock = tryLock(channel);
            if (lock == null) {
                String names = connectors.stream().map(n -> "\"" + n + "\"").collect(Collectors.joining(", "));
                throw new BadInputException((connectors.size() == 1 ? "connector " + names + " is" : "connectors " + names + " are")
                        + " already run by another worker, which holds " + lockFile + "; stop that worker first, or name "
                        + (connectors.size() == 1 ? "this connector" : "these connectors") + " differently");
            }
            return new OffsetsLock(channel, lock);
        } catch (IOException e) {
            close(channel);
            throw new BadInputException("cannot lock " + lockFile + " (" + e.getMessage() + "); set "
                    + "offset.storage.file.filename to a file in a folder this user can write");
        } catch (RuntimeException e) {
            close(channel);
            throw e;
        }
    }

    /** Null when another process, or another worker of this one, holds the lock. */
    private static FileLock tryLock(FileChannel channel) throws IOException {
        try {
            return channel.tryLock();
        } catch (OverlappingFileLockException e) {
            return null;
        }
    }

    private static void close(FileChannel channel) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException e) {
                // nothing held
            }
        }
    }

    /** Releases the lock; the lock file stays, and its presence alone means nothing. */
    @Override
    public void close() {
        try {
            lock.release();
        } catch (IOException e) {
            // closing the channel releases it too
        }
        close(channel);
    }
}
