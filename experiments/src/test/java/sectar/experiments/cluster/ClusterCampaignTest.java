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
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import sectar.experiments.campaign.ChildRun;
import sectar.experiments.campaign.Orphans;
import sectar.experiments.campaign.Summary;
import sectar.experiments.run.MetricsCsv;
import sectar.experiments.run.RunDirectory;

/**
 * Cluster campaigns as users run them: a coordinator and two workers, each its own JVM on the loopback
 * interface, run a campaign of six tiny runs (PPO and TRPO, three seeds, a few iterations each). With a
 * worker killed with SIGKILL mid-run and the coordinator killed and started again with the same command,
 * it still ends with every run's metrics one row per iteration and the local campaign's summary.csv
 * (apart from the provenance columns); a worker with the wrong cluster name never gets a run.
 */
class ClusterCampaignTest {
    /** Six runs of 6 iterations of one 380-step episode: a few seconds each, most of it JVM start-up. */
    private static final List<String> PLAN = List.of("experiment", "waypoint", "--algos", "ppo,trpo", "--seeds", "3", "--instances", "0",
            "--env-steps", "2280", "--set", "ppo:envs=1", "--set", "trpo:envs=1");
    private static final int ITERATIONS = 6;
    private static final int RUNS = 6;
    private static final String LEASE = "5";

    @TempDir static Path shared;
    private static Path local;
    private final List<Process> started = new ArrayList<>();

    /** The same plan as a local campaign: the reference every cluster campaign must match. */
    @BeforeAll
    static void localCampaign() throws Exception {
        local = shared.resolve("local");
        Process p = jvm(args(local), shared.resolve("local.log"));
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "the local campaign took too long");
        assertEquals(0, p.exitValue(), Files.readString(shared.resolve("local.log")));
    }

    @AfterEach
    void stopAll() {
        for (Process p : started) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
        }
    }

    private static List<String> args(Path out, String... more) {
        List<String> a = new ArrayList<>(PLAN);
        a.addAll(List.of("--out", out.toString()));
        a.addAll(List.of(more));
        return a;
    }

    /**
     * A sectar CLI JVM, its output appended to {@code log}; failure detection shortened to fit the tests' 5 s
     * leases. These JVMs only coordinate (the runs are their child JVMs, started without these flags), so the
     * quick JIT and the serial collector halve their start-up cost.
     */
    private static Process jvm(List<String> args, Path log) throws IOException {
        List<String> cmd = new ArrayList<>(ChildRun.command(args, 0));
        cmd.addAll(1, List.of("-Xmx512m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Dhazelcast.max.no.heartbeat.seconds=4"));
        return new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
    }

    private Process start(List<String> args, Path log) throws IOException {
        Process p = jvm(args, log);
        started.add(p);
        return p;
    }

    private Process worker(int port, String name, Path log) throws IOException {
        return start(List.of("worker", "--join", "127.0.0.1:" + port, "--cluster-name", name), log);
    }

    private static void await(BooleanSupplier what, long seconds, String failure) throws InterruptedException {
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        while (!what.getAsBoolean()) {
            if (System.nanoTime() > end) fail(failure);
            Thread.sleep(50);
        }
    }

    private static List<Path> runDirs(Path root) {
        List<Path> dirs = new ArrayList<>();
        for (String algo : List.of("ppo", "trpo")) // ppo's first
            for (int s = 1; s <= 3; s++) dirs.add(root.resolve(algo).resolve("i0-s" + s));
        return dirs;
    }

    private static int rows(Path run) {
        try {
            return Math.max(0, Files.readAllLines(run.resolve(RunDirectory.METRICS)).size() - 1);
        } catch (IOException e) {
            return 0;
        }
    }

    /** summary.csv without the provenance columns (wall clock, commit), by line. */
    private static List<String> results(Path root) throws IOException {
        List<String> out = new ArrayList<>();
        for (String l : Files.readAllLines(root.resolve(Summary.FILE))) {
            String[] c = l.split(",", -1);
            List<String> kept = new ArrayList<>();
            for (int i = 0; i < c.length; i++) if (!Summary.PROVENANCE.contains(Summary.COLUMNS.get(i))) kept.add(c[i]);
            out.add(String.join(",", kept));
        }
        return out;
    }

    private static void assertLikeTheLocalCampaign(Path root) throws IOException {
        assertEquals(RUNS + 1, results(root).size(), "a header and every run");
        for (Path run : runDirs(local)) assertEquals(ITERATIONS, rows(run), run.toString());
        assertEquals(results(local), results(root), "summary.csv apart from wall clock and commit");
        for (Path run : runDirs(root)) {
            double[] it = MetricsCsv.read(run.resolve(RunDirectory.METRICS)).column("iteration");
            int n = MetricsCsv.read(local.resolve(root.relativize(run)).resolve(RunDirectory.METRICS)).column("iteration").length;
            assertEquals(n, it.length, run + ": one row per iteration");
            for (int i = 0; i < it.length; i++) assertEquals(i + 1, it[i], run + " row " + i);
        }
        for (String f : List.of("README.md", "return.png", "normalized.png", "campaign.json")) assertTrue(Files.size(root.resolve(f)) > 0, f);
    }

    /** How often each run was started or resumed, from the {@code $ sectar ...} lines of its log. */
    private static long starts(Path root, Path run) throws IOException {
        Path log = root.resolve("logs").resolve(root.relativize(run).toString().replace('/', '_') + ".log");
        return Files.readAllLines(log).stream().filter(l -> l.startsWith("$ sectar ")).count();
    }

    private static String log(Path... logs) throws IOException {
        StringBuilder s = new StringBuilder();
        for (Path l : logs) if (Files.exists(l)) s.append("--- ").append(l.getFileName()).append('\n').append(Files.readString(l));
        return s.toString();
    }

    /**
     * One campaign for both failures (each JVM start costs seconds, and the suite's budget is minutes): a worker
     * is killed with SIGKILL in the middle of a run, then the coordinator too, which is started again with the
     * same command (its random cluster name comes back from cluster.json) while the other worker alone holds the state.
     */
    @Test
    void aWorkerKilledMidRunAndARestartedCoordinatorLoseNothing(@TempDir Path tmp) throws Exception {
        Path root = tmp.resolve("campaign"), c = tmp.resolve("coordinator.log"), a = tmp.resolve("a.log"), b = tmp.resolve("b.log");
        List<String> command = args(root, "--cluster", "--port", "5801", "--lease-seconds", LEASE);
        Process coordinator = start(command, c);
        await(() -> Files.exists(root.resolve(ClusterFiles.CLUSTER)), 60, "the coordinator wrote no cluster.json");
        String name = ClusterFiles.readCluster(root).clusterName();
        assertTrue(name.matches("sectar-[0-9a-f]{16}"), name);
        Process wa = worker(5801, name, a);
        Process wb = worker(5801, name, b);

        // 1. kill a worker with SIGKILL once its PPO run (TRPO's iterations are too quick to aim at) has checkpointed
        //    an iteration or two, well before the run ends
        Path[] victim = new Path[1];
        ProcessHandle[] child = new ProcessHandle[1];
        Process[] killed = new Process[1];
        await(() -> {
            for (Process w : List.of(wa, wb))
                for (ProcessHandle h : w.descendants().toList())
                    for (Path run : runDirs(root).subList(0, 3))
                        if (Orphans.arguments(h).contains(run.toString()) && rows(run) >= 2 && rows(run) <= ITERATIONS - 2) {
                            victim[0] = run;
                            child[0] = h;
                            killed[0] = w;
                            return true;
                        }
            return false;
        }, 120, "no worker got far into a PPO run:\n" + log(c, a, b));
        killed[0].destroyForcibly();
        Process survivor = killed[0] == wa ? wb : wa;
        assertTrue(rows(victim[0]) < ITERATIONS, "killed mid-run");
        child[0].onExit().get(10, TimeUnit.SECONDS);
        assertFalse(child[0].isAlive(), "the killed worker's run died with it");

        // 2. kill the coordinator too, and start it again with the same command
        coordinator.destroyForcibly();
        coordinator.waitFor();
        assertTrue(survivor.isAlive(), "the other worker outlives the coordinator");
        Process again = start(command, c);
        assertTrue(again.waitFor(150, TimeUnit.SECONDS), "the restarted coordinator did not finish:\n" + log(c, a, b));
        assertEquals(0, again.exitValue(), log(c, a, b));
        String out = Files.readString(c);
        assertTrue(out.contains("rejoined: the state of " + RUNS + " runs came from the members that kept it"), out);
        assertTrue(survivor.waitFor(20, TimeUnit.SECONDS), "the surviving worker did not leave:\n" + log(a, b));
        assertEquals(0, survivor.exitValue(), log(a, b));

        // 3. the local campaign's results, the killed run resumed from its checkpoint, every other run started once
        assertLikeTheLocalCampaign(root);
        for (Path run : runDirs(root)) assertEquals(run.equals(victim[0]) ? 2 : 1, starts(root, run), run + ": no claim was lost or doubled");
        assertTrue(Files.readString(root.resolve("logs").resolve(root.relativize(victim[0]).toString().replace('/', '_') + ".log"))
                .contains("$ sectar resume " + victim[0]), "the killed run was resumed from its checkpoint");
    }

    @Test
    void aWorkerWithTheWrongClusterNameNeverGetsARun(@TempDir Path tmp) throws Exception {
        Path root = tmp.resolve("campaign"), c = tmp.resolve("coordinator.log"), w = tmp.resolve("wrong.log"), s = tmp.resolve("status.log");
        String name = "right-" + ProcessHandle.current().pid();
        start(args(root, "--cluster", "--port", "5821", "--cluster-name", name, "--lease-seconds", LEASE), c);
        await(() -> Files.exists(root.resolve(ClusterFiles.CLUSTER)), 30, "the coordinator wrote no cluster.json");
        Process wrong = worker(5821, "wrong-" + ProcessHandle.current().pid(), w);
        assertTrue(wrong.waitFor(60, TimeUnit.SECONDS), "the wrong worker did not give up:\n" + log(w));
        assertEquals(2, wrong.exitValue(), log(w));
        String said = Files.readString(w);
        assertTrue(said.contains("error: no cluster named wrong-"), said);
        assertFalse(Files.exists(root.resolve("logs")), "no run was started");

        Process status = start(args(root, "--status"), s);
        assertTrue(status.waitFor(60, TimeUnit.SECONDS), log(s));
        assertEquals(0, status.exitValue(), log(s));
        List<String> lines = Files.readAllLines(s).stream().filter(l -> l.startsWith("ppo/") || l.startsWith("trpo/")).toList();
        assertEquals(RUNS, lines.size(), log(s));
        for (String l : lines) assertTrue(l.split("\\s+")[1].equals("pending"), l);
        Optional<Path> anyRun = runDirs(root).stream().filter(Files::exists).findAny();
        assertTrue(anyRun.isEmpty(), "no run folder: " + anyRun);
    }
}
