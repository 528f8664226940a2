package sectar.experiments.campaign;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * One {@code sectar} CLI call in its own JVM (ND4J and the thread pools are per process), with the
 * same java binary and class path as this one. Its output (stdout and stderr merged) is appended to a
 * log file and, when {@code echo} is set, copied to this process's stderr so the run's own progress
 * line shows beside the campaign's. Children still running when this JVM shuts down normally
 * (Ctrl-C, SIGTERM) are stopped with it; after a SIGKILL they run on ({@link Orphans}).
 */
public final class ChildRun {
    /** The CLI's main class; {@link Orphans} recognises children by it. */
    public static final String MAIN = "sectar.experiments.cli.Main";

    private static final Set<Process> LIVE = ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> LIVE.forEach(Process::destroy), "campaign-children"));
    }

    /** How a child ended: its exit code and its last {@code error: ...} line, if any. */
    public record Outcome(int exitCode, String error) {}

    private ChildRun() {}

    /** The JVM command for {@code args}; {@code cores > 0} caps the cores the child JVM sees. */
    public static List<String> command(List<String> args, int cores) {
        String java = ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        List<String> cmd = new ArrayList<>(List.of(java));
        if (cores > 0) cmd.add("-XX:ActiveProcessorCount=" + cores);
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), MAIN));
        cmd.addAll(args);
        return cmd;
    }

    /** Runs {@code args} to its end. */
    static Outcome run(List<String> args, int cores, Path log, PrintStream echo) {
        return run(args, cores, log, echo, Map.of(), p -> {});
    }

    /**
     * Runs {@code args} to its end with {@code env} added to the child's environment; {@code started}
     * receives the child as soon as it runs (a cluster worker stops it when it loses the run's lease).
     */
    public static Outcome run(List<String> args, int cores, Path log, PrintStream echo, Map<String, String> env, Consumer<Process> started) {
        Process p;
        try {
            Files.createDirectories(log.toAbsolutePath().getParent());
            ProcessBuilder pb = new ProcessBuilder(command(args, cores)).redirectErrorStream(true).redirectInput(ProcessBuilder.Redirect.PIPE);
            pb.environment().putAll(env);
            p = pb.start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + String.join(" ", args), e);
        }
        LIVE.add(p);
        started.accept(p);
        String error = null;
        try (BufferedReader in = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
             Writer out = Files.newBufferedWriter(log, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND)) {
            out.write("$ sectar " + String.join(" ", args) + "\n");
            out.flush(); // a worker killed before the child prints anything still leaves the command in the log
            for (String line; (line = in.readLine()) != null; ) {
                out.write(line + "\n");
                out.flush();
                if (echo != null) echo.println(line);
                if (line.startsWith("error: ")) error = line.substring("error: ".length());
            }
            return new Outcome(p.waitFor(), error);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot log " + log, e);
        } catch (InterruptedException e) {
            p.destroy();
            Thread.currentThread().interrupt();
            return new Outcome(-1, "interrupted");
        } finally {
            LIVE.remove(p);
        }
    }
}
