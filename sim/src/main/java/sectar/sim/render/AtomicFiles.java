package sectar.sim.render;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;

/** Writes a file atomically: into a temp file in the target directory, then one rename over the target. */
final class AtomicFiles {
    private AtomicFiles() {}

    /** Something that writes the whole content to a stream. */
    interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    static void write(Path target, Content content) throws IOException {
        Path abs = target.toAbsolutePath();
        Path dir = abs.getParent();
        if (dir == null || !Files.isDirectory(dir))
            throw new IllegalArgumentException("output directory " + dir + " does not exist (for " + target + ")");
        if (Files.isDirectory(abs)) throw new IllegalArgumentException("output " + target + " is a directory, expected a file");
        Path tmp;
        try {
            tmp = Files.createTempFile(dir, "." + abs.getFileName(), ".tmp");
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot write to directory " + dir + ": " + e.getMessage());
        }
        try {
            try (OutputStream out = Files.newOutputStream(tmp)) {
                content.writeTo(out);
            }
            try { // temp files are created owner-only; a picture should be readable like any other file
                Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-r--r--"));
            } catch (UnsupportedOperationException notPosix) {
                // keep the default permissions
            }
            Files.move(tmp, abs, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
