package sectar.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** No main source file anywhere in the repo uses an unseeded or global random generator. */
class SourceScanTest {
    static final List<String> FORBIDDEN = List.of("Math.random(", "new Random()", "MathUtils.randomFloat(", "Nd4j.getRandom(");

    /** The outermost directory, walking up from the module, that still holds a pom.xml. */
    static Path repoRoot() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir.getParent() != null && Files.exists(dir.getParent().resolve("pom.xml"))) dir = dir.getParent();
        return dir;
    }

    @Test void mainSourcesUseOnlySeededRandomness() throws IOException {
        Path root = repoRoot();
        List<String> hits = new ArrayList<>();
        int scanned = 0;
        try (Stream<Path> files = Files.walk(root)) {
            for (Path p : (Iterable<Path>) files.filter(f -> f.toString().endsWith(".java"))::iterator) {
                String rel = root.relativize(p).toString().replace('\\', '/');
                if (!rel.contains("src/main/java/")) continue;
                scanned++;
                String text = Files.readString(p);
                for (String f : FORBIDDEN) if (text.contains(f)) hits.add(rel + " contains " + f);
            }
        }
        assertTrue(scanned >= 10, "found only " + scanned + " main sources under " + root);
        assertEquals(List.of(), hits);
    }
}
