package sectar.experiments.cli;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The folder the running code was loaded from (the jar's folder, or target/classes): git is asked
 * there for the commit a run records, so a run started from any directory still names its code.
 */
final class CodeLocation {
    private CodeLocation() {}

    static Path folder() {
        try {
            Path p = Path.of(CodeLocation.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            return Files.isDirectory(p) ? p : p.getParent();
        } catch (URISyntaxException | SecurityException | NullPointerException e) {
            return Path.of(".");
        }
    }
}
