package sectar.experiments.cluster;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * Files only their owner may read (mode 0600): the cluster's name and address, and the campaign's key.
 * Written atomically like every other file here, the temporary file created with the final mode so the
 * content is never readable by others, not even for a moment.
 */
final class PrivateFiles {
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

    private PrivateFiles() {}

    static void write(Path target, String text) {
        Path dir = target.toAbsolutePath().getParent();
        Path tmp = dir.resolve("." + target.getFileName() + "." + ProcessHandle.current().pid() + ".tmp");
        try {
            Files.createDirectories(dir);
            Files.deleteIfExists(tmp);
            if (posix(dir)) Files.createFile(tmp, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
            else Files.createFile(tmp);
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
                ch.write(java.nio.ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8)));
                ch.force(true);
            }
            if (posix(dir)) Files.setPosixFilePermissions(tmp, OWNER_ONLY); // the umask may have taken bits away, never added
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + target, e);
        } finally {
            try {
                Files.deleteIfExists(tmp);
            } catch (IOException ignored) { // the write's own failure is the one worth reporting
            }
        }
    }

    /** The permissions others than the owner have on {@code f} ("" when none, or when the file system has no POSIX modes). */
    static String othersMay(Path f) throws IOException {
        if (!posix(f)) return "";
        Set<PosixFilePermission> p = Files.getPosixFilePermissions(f);
        p.removeAll(Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE, PosixFilePermission.OWNER_EXECUTE));
        return p.isEmpty() ? "" : PosixFilePermissions.toString(Files.getPosixFilePermissions(f));
    }

    private static boolean posix(Path p) {
        return Files.getFileAttributeView(p, PosixFileAttributeView.class) != null;
    }
}
