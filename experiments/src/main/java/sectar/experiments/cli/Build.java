package sectar.experiments.cli;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import sectar.experiments.run.GitState;

/**
 * What this build is: the git commit a cluster's members compare (the same source as metadata.json's
 * {@code git_commit}, git asked in the code's own folder) and the command that starts it, for the
 * worker command the coordinator prints.
 */
final class Build {
    private Build() {}

    /** {@code git rev-parse HEAD} of the code's folder, or "unknown". */
    static String commit() { return GitState.read(CodeLocation.folder()).commit(); }

    /** {@code java -jar /abs/sectar.jar} when running from the jar, else {@code sectar}. */
    static String launcher() {
        try {
            Path p = Path.of(Build.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            return Files.isRegularFile(p) && p.toString().endsWith(".jar") ? "java -jar " + p.toAbsolutePath() : "sectar";
        } catch (URISyntaxException | SecurityException | NullPointerException e) {
            return "sectar";
        }
    }
}
