package sectar.sim.io;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Writes a whole file so that readers see either the old content or the new one, never a torn mix:
 * the bytes go to a temporary file in the same directory, are fsynced, and the temporary file is
 * renamed over the target with {@code ATOMIC_MOVE}. A crash mid-write leaves at most a stray
 * {@code .tmp} file, never a truncated target. Missing parent directories are created.
 *
 * <p>A target the user cannot have meant (a directory, or a path below a plain file) is an
 * {@link IllegalArgumentException} naming it, which the CLI reports as one line; a failure while
 * writing is an {@link UncheckedIOException}.
 */
public final class AtomicFiles {
    private static final long PID = ProcessHandle.current().pid();
    private static final AtomicLong COUNTER = new AtomicLong();

    private AtomicFiles() {}

    /** Something that writes the whole content to a stream (an image encoder, say). */
    @FunctionalInterface
    public interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    /** Replaces {@code target} with {@code bytes} atomically. */
    public static void write(Path target, byte[] bytes) { write(target, out -> out.write(bytes)); }

    /** Replaces {@code target} with {@code text} encoded as UTF-8, atomically. */
    public static void writeString(Path target, String text) { write(target, text.getBytes(StandardCharsets.UTF_8)); }

    /** Replaces {@code target} with what {@code content} writes, atomically. */
    public static void write(Path target, Content content) {
        Path abs = target.toAbsolutePath();
        Path dir = abs.getParent();
        if (Files.isDirectory(abs)) throw new IllegalArgumentException("output " + target + " is a directory, expected a file");
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            String why = e instanceof FileAlreadyExistsException ? e.getMessage() + " is a file, not a folder"
                    : e.getMessage() == null ? "not permitted" : e.getMessage();
            throw new IllegalArgumentException("cannot create the folder of " + target + ": " + why);
        }
        Path tmp = null;
        try {
            tmp = createTemp(dir, abs.getFileName().toString());
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
                OutputStream out = new BufferedOutputStream(Channels.newOutputStream(ch));
                content.writeTo(out);
                out.flush();
                ch.force(true);
            }
            Files.move(tmp, abs, StandardCopyOption.ATOMIC_MOVE);
            tmp = null;
            syncDirectory(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + abs + " atomically", e);
        } finally {
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException ignored) {
                    // the original failure is the one worth reporting
                }
            }
        }
    }

    /**
     * A new empty file next to the target. Unlike {@code Files.createTempFile} (mode 0600) it gets the
     * process umask's permissions, so the renamed result is readable like any other file. The name
     * comes from the pid and a counter, not from a random source.
     */
    private static Path createTemp(Path dir, String name) throws IOException {
        while (true) {
            Path p = dir.resolve("." + name + "." + PID + "." + COUNTER.incrementAndGet() + ".tmp");
            try {
                return Files.createFile(p);
            } catch (FileAlreadyExistsException stale) {
                // left by an earlier process with the same pid: try the next number
            }
        }
    }

    /** Makes the rename itself durable; some file systems refuse to open a directory, which is harmless. */
    private static void syncDirectory(Path dir) {
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException | UnsupportedOperationException ignored) {
            // best effort: the data file itself is already fsynced
        }
    }
}
