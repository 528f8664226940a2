package sectar.experiments.run;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The source revision a run was started from: {@code git rev-parse HEAD} and whether
 * {@code git status --porcelain} lists anything. Both are "unknown" when git or the repository is
 * missing, so runs from an unpacked jar still work.
 *
 * @param commit the full commit hash, or "unknown"
 * @param dirty  "true", "false" or "unknown"
 */
public record GitState(String commit, String dirty) {
    public static final String UNKNOWN = "unknown";

    /** Asks git about the repository containing {@code workDir}. */
    public static GitState read(Path workDir) {
        String commit = run(workDir, List.of("git", "rev-parse", "HEAD"));
        if (commit == null || commit.isBlank()) return new GitState(UNKNOWN, UNKNOWN);
        String status = run(workDir, List.of("git", "status", "--porcelain"));
        String dirty = status == null ? UNKNOWN : Boolean.toString(!status.isBlank());
        return new GitState(commit.trim(), dirty);
    }

    /** The command's stdout, or null if it could not run, failed, or took over 10 s. */
    private static String run(Path workDir, List<String> command) {
        try {
            Process p = new ProcessBuilder(command).directory(workDir.toFile())
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
            byte[] out;
            try (InputStream in = p.getInputStream()) {
                out = in.readAllBytes();
            }
            if (!p.waitFor(10, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return null;
            }
            return p.exitValue() == 0 ? new String(out, StandardCharsets.UTF_8) : null;
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }
}
