package sectar.sim.io;

import static org.junit.jupiter.api.Assertions.*;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The one atomic-write helper: whole replacement, no temp left, ordinary permissions, clear refusals. */
class AtomicFilesTest {
    @TempDir Path dir;

    @Test
    void replacesContentCreatesParentsAndLeavesNoTempFile() throws IOException {
        Path f = dir.resolve("sub/dir/x.txt");
        AtomicFiles.writeString(f, "old");
        AtomicFiles.writeString(f, "new content");
        assertEquals("new content", Files.readString(f));
        AtomicFiles.write(f, out -> out.write(new byte[] {1, 2, 3}));
        assertArrayEquals(new byte[] {1, 2, 3}, Files.readAllBytes(f), "streamed content");
        assertEquals(1, f.getParent().toFile().list().length, "no temp file left behind");
        if (f.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            var fresh = Files.getPosixFilePermissions(Files.createFile(dir.resolve("plain")));
            assertEquals(fresh, Files.getPosixFilePermissions(f), "same permissions as a normally created file");
        }
    }

    @Test
    void aFailingWriterLeavesTheOldContentAndNoTempFile() throws IOException {
        Path f = dir.resolve("keep.txt");
        AtomicFiles.writeString(f, "old");
        assertThrows(java.io.UncheckedIOException.class, () -> AtomicFiles.write(f, out -> {
            out.write(42);
            throw new IOException("encoder failed");
        }));
        assertEquals("old", Files.readString(f));
        assertEquals(1, dir.toFile().list().length);
    }

    @Test
    void aDirectoryOrAPathBelowAFileIsRefusedByName() throws IOException {
        var d = assertThrows(IllegalArgumentException.class, () -> AtomicFiles.writeString(dir, "x"));
        assertTrue(d.getMessage().contains(dir.toString()) && d.getMessage().contains("directory"), d.getMessage());
        Path file = dir.resolve("file");
        Files.writeString(file, "x");
        Path below = file.resolve("out.png");
        var b = assertThrows(IllegalArgumentException.class, () -> AtomicFiles.writeString(below, "x"));
        assertTrue(b.getMessage().contains(below.toString()), b.getMessage());
    }
}
