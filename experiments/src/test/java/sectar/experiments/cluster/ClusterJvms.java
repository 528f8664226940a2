package sectar.experiments.cluster;

import static org.junit.jupiter.api.Assertions.*;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import sectar.experiments.campaign.ChildRun;
import sectar.experiments.campaign.Orphans;
import sectar.experiments.run.MetricsCsv;
import sectar.experiments.run.RunDirectory;
import sectar.experiments.run.WriterRecords;

/**
 * What the cluster tests share: sectar JVMs started as users start them (on a {@link Hosts} host), their
 * processes found and signalled from outside, and the checks every cluster campaign must pass in its
 * run folders.
 */
final class ClusterJvms implements AutoCloseable {
    private final List<Process> started = new ArrayList<>();

    /**
     * A sectar CLI JVM on {@code host}, its output appended to {@code log}. These JVMs only coordinate (the runs
     * are their child JVMs, started without these flags), so the quick JIT and the serial collector halve their
     * start-up cost.
     */
    Process start(Hosts hosts, int host, List<String> args, Path log) throws IOException {
        List<String> cmd = new ArrayList<>(ChildRun.command(args, 0));
        cmd.addAll(1, List.of("-Xmx512m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC"));
        Process p = new ProcessBuilder(hosts.on(host, cmd)).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        started.add(p);
        return p;
    }

    /**
     * The sectar JVM {@code p} started: itself, or the wrapper's child when a namespace wrapper started it (not
     * one of that JVM's own children, the runs).
     */
    static Optional<ProcessHandle> sectar(Process p) {
        if (isSectarJvm(p.toHandle())) return Optional.of(p.toHandle());
        return p.children().filter(ClusterJvms::isSectarJvm).findFirst();
    }

    private static boolean isSectarJvm(ProcessHandle h) {
        List<String> a = Orphans.arguments(h);
        return !a.isEmpty() && Path.of(a.get(0)).getFileName().toString().equals("java") && a.contains(ChildRun.MAIN);
    }

    /** The run JVMs below {@code p} (the worker's children), with the run folder each writes. */
    static List<ProcessHandle> runs(Process p) {
        ProcessHandle jvm = sectar(p).orElse(null);
        if (jvm == null) return List.of();
        return jvm.children().filter(h -> Orphans.arguments(h).contains(ChildRun.MAIN)).toList();
    }

    /** The run JVM of worker {@code p} writing {@code run}, if any. */
    static Optional<ProcessHandle> runOf(Process p, Path run) {
        return runs(p).stream().filter(h -> Orphans.arguments(h).contains(run.toString())).findFirst();
    }

    /** Sends {@code signal} (STOP, CONT) to {@code pid}; false when there is no such process any more. */
    static boolean signal(String signal, long pid) throws Exception {
        // the shell's own kill: no procps needed on a fresh CI machine
        Process k = new ProcessBuilder("sh", "-c", "kill -" + signal + " " + pid).redirectErrorStream(true).start();
        return k.waitFor(10, TimeUnit.SECONDS) && k.exitValue() == 0;
    }

    static void await(BooleanSupplier what, long seconds, Function<Void, String> failure) throws InterruptedException {
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        while (!what.getAsBoolean()) {
            if (System.nanoTime() > end) fail(failure.apply(null));
            Thread.sleep(50);
        }
    }

    static int rows(Path run) {
        try {
            return Math.max(0, Files.readAllLines(run.resolve(RunDirectory.METRICS)).size() - 1);
        } catch (IOException e) {
            return 0;
        }
    }

    /** Every run ends with iterations 1..n in metrics.csv, each once, and its writer records show one writer at a time. */
    static void assertEachIterationOnceAndOneWriterAtATime(List<Path> runs, int iterations) {
        for (Path run : runs) {
            double[] it = MetricsCsv.read(run.resolve(RunDirectory.METRICS)).column("iteration");
            assertEquals(iterations, it.length, run + ": one row per iteration");
            for (int i = 0; i < it.length; i++) assertEquals(i + 1, it[i], run + " row " + i);
            List<WriterRecords.Line> lines = WriterRecords.read(run);
            assertFalse(lines.isEmpty(), run + " has writer records");
            assertNull(WriterRecords.twoWriters(lines), run + ": " + lines);
        }
    }

    /** How often a run was started or resumed, from the {@code $ sectar ...} lines of its log. */
    static long starts(Path root, Path run) throws IOException {
        return Files.readAllLines(log(root, run)).stream().filter(l -> l.startsWith("$ sectar ")).count();
    }

    static Path log(Path root, Path run) { return root.resolve("logs").resolve(root.relativize(run).toString().replace('/', '_') + ".log"); }

    static String logs(Path... logs) {
        StringBuilder s = new StringBuilder();
        for (Path l : logs) {
            try {
                if (Files.exists(l)) s.append("--- ").append(l.getFileName()).append('\n').append(Files.readString(l));
            } catch (IOException e) {
                s.append("--- ").append(l).append(": ").append(e).append('\n');
            }
        }
        return s.toString();
    }

    /** Kills everything this test started, with their children. */
    @Override public void close() {
        for (Process p : started) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
        }
        for (Process p : started) {
            try {
                p.waitFor(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
