package sectar.experiments.tensorboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A Python that imports TensorBoard, for tests that load event files with TensorBoard's own reader:
 * a virtual environment in this module's target/ (kept between builds, made again by a clean one)
 * into which pip installs tensorboard, from the wheels on the machine when PyPI is out of reach.
 * A machine without python3 and its venv module fails the test: .ci/run installs them.
 */
final class TensorBoardPython {
    private static final Path VENV = Path.of("target", "tensorboard-venv").toAbsolutePath();
    private static final long INSTALL_SECONDS = 600;

    private TensorBoardPython() {}

    /** The venv's python, made first if it does not import tensorboard yet. */
    static synchronized Path interpreter() throws IOException, InterruptedException {
        Path python = VENV.resolve("bin").resolve("python");
        if (Files.isExecutable(python) && run(List.of(python.toString(), "-c", "import tensorboard"), 120).code() == 0) return python;
        check(run(List.of("python3", "-m", "venv", "--clear", VENV.toString()), 300), "python3 -m venv (needs python3 and python3-venv)");
        // --retries 0: where the public index cannot be reached, pip goes straight to the local wheels
        check(run(List.of(python.toString(), "-m", "pip", "install", "--retries", "0", "--timeout", "30", "tensorboard"), INSTALL_SECONDS),
                "pip install tensorboard");
        check(run(List.of(python.toString(), "-c", "import tensorboard"), 120), "import tensorboard");
        return python;
    }

    /** Runs {@code script} (a test resource) with {@code args}; fails with its output when it fails. */
    static void script(String resource, List<String> args, Path workDir) throws IOException, InterruptedException {
        Path file = workDir.resolve(Path.of(resource).getFileName().toString());
        try (var in = TensorBoardPython.class.getResourceAsStream(resource)) {
            assertTrue(in != null, "test resource " + resource);
            Files.write(file, in.readAllBytes());
        }
        List<String> cmd = new ArrayList<>(List.of(interpreter().toString(), file.toString()));
        cmd.addAll(args);
        check(run(cmd, 300), String.join(" ", cmd));
    }

    record Output(int code, String text) {}

    private static Output run(List<String> cmd, long seconds) throws IOException, InterruptedException {
        Path log = Files.createTempFile("python", ".log");
        try {
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            if (!p.waitFor(seconds, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return new Output(-1, "timed out after " + seconds + " s\n" + Files.readString(log, StandardCharsets.UTF_8));
            }
            return new Output(p.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
        } catch (IOException noPython) {
            return new Output(-1, String.valueOf(noPython.getMessage()));
        } finally {
            Files.deleteIfExists(log);
        }
    }

    private static void check(Output o, String what) {
        assertEquals(0, o.code(), what + " failed:\n" + o.text());
    }
}
