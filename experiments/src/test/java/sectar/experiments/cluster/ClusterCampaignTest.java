package sectar.experiments.cluster;

import static org.junit.jupiter.api.Assertions.*;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import sectar.experiments.campaign.Summary;

/**
 * Cluster campaigns as users run them: a coordinator and two workers, each its own JVM on the loopback
 * interface, run a campaign of six tiny runs (PPO and TRPO, three seeds, a few iterations each). With a
 * worker killed with SIGKILL mid-run and the coordinator killed and started again with the same command,
 * it still ends with every run's metrics one row per iteration, one writer at a time, and the local
 * campaign's summary.csv (apart from the provenance columns); a worker with the wrong cluster name never
 * gets a run.
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
    private final Hosts hosts = Hosts.loopback();
    private final ClusterJvms jvms = new ClusterJvms();

    /** The same plan as a local campaign: the reference every cluster campaign must match. */
    @BeforeAll
    static void localCampaign() throws Exception {
        local = shared.resolve("local");
        try (ClusterJvms once = new ClusterJvms()) {
            Process p = once.start(Hosts.loopback(), 0, args(local), shared.resolve("local.log"));
            assertTrue(p.waitFor(120, TimeUnit.SECONDS), "the local campaign took too long");
            assertEquals(0, p.exitValue(), Files.readString(shared.resolve("local.log")));
        }
    }

    @AfterEach
    void stopAll() {
        jvms.close();
    }

    private static List<String> args(Path out, String... more) {
        List<String> a = new ArrayList<>(PLAN);
        a.addAll(List.of("--out", out.toString()));
        a.addAll(List.of(more));
        return a;
    }

    private Process start(List<String> args, Path log) throws IOException { return jvms.start(hosts, 0, args, log); }

    private Process worker(Path root, Path log, String... more) throws IOException {
        List<String> a = new ArrayList<>(List.of("worker", "--campaign", root.toString()));
        a.addAll(List.of(more));
        return start(a, log);
    }

    private static List<Path> runDirs(Path root) {
        List<Path> dirs = new ArrayList<>();
        for (String algo : List.of("ppo", "trpo")) // ppo's first
            for (int s = 1; s <= 3; s++) dirs.add(root.resolve(algo).resolve("i0-s" + s));
        return dirs;
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
        for (Path run : runDirs(local)) assertEquals(ITERATIONS, ClusterJvms.rows(run), run.toString());
        assertEquals(results(local), results(root), "summary.csv apart from wall clock and commit");
        ClusterJvms.assertEachIterationOnceAndOneWriterAtATime(runDirs(root), ITERATIONS);
        for (String f : List.of("README.md", "return.png", "normalized.png", "campaign.json")) assertTrue(Files.size(root.resolve(f)) > 0, f);
    }

    /**
     * One campaign for both failures (each JVM start costs seconds, and the suite's budget is minutes): a worker
     * is killed with SIGKILL in the middle of a run, then the coordinator too, which is started again with the
     * same command (its random cluster name comes back from cluster.json) and seeds every run from its folder.
     */
    @Test
    void aWorkerKilledMidRunAndARestartedCoordinatorLoseNothing(@TempDir Path tmp) throws Exception {
        Path root = tmp.resolve("campaign"), c = tmp.resolve("coordinator.log"), a = tmp.resolve("a.log"), b = tmp.resolve("b.log");
        List<String> command = args(root, "--cluster", "--port", "5801", "--lease-seconds", LEASE);
        Process coordinator = start(command, c);
        ClusterJvms.await(() -> Files.exists(root.resolve(ClusterFiles.CLUSTER)), 60, x -> "the coordinator wrote no cluster.json");
        String name = ClusterFiles.readCluster(root).clusterName();
        assertTrue(name.matches("sectar-[0-9a-f]{16}"), name);
        Process wa = worker(root, a);
        Process wb = worker(root, b);

        // 1. kill a worker with SIGKILL once its PPO run (TRPO's iterations are too quick to aim at) has checkpointed
        //    an iteration or two, well before the run ends
        Path[] victim = new Path[1];
        ProcessHandle[] child = new ProcessHandle[1];
        Process[] killed = new Process[1];
        ClusterJvms.await(() -> {
            for (Process w : List.of(wa, wb))
                for (Path run : runDirs(root).subList(0, 3)) {
                    int rows = ClusterJvms.rows(run);
                    java.util.Optional<ProcessHandle> h = ClusterJvms.runOf(w, run);
                    if (h.isPresent() && rows >= 2 && rows <= ITERATIONS - 2) {
                        victim[0] = run;
                        child[0] = h.get();
                        killed[0] = w;
                        return true;
                    }
                }
            return false;
        }, 120, x -> "no worker got far into a PPO run:\n" + ClusterJvms.logs(c, a, b));
        killed[0].destroyForcibly();
        Process survivor = killed[0] == wa ? wb : wa;
        assertTrue(ClusterJvms.rows(victim[0]) < ITERATIONS, "killed mid-run");
        child[0].onExit().get(10, TimeUnit.SECONDS);
        assertFalse(child[0].isAlive(), "the killed worker's run died with it");

        // 2. kill the coordinator too, and start it again with the same command
        coordinator.destroyForcibly();
        coordinator.waitFor();
        assertTrue(survivor.isAlive(), "the other worker outlives the coordinator");
        Process again = start(command, c);
        assertTrue(again.waitFor(150, TimeUnit.SECONDS), "the restarted coordinator did not finish:\n" + ClusterJvms.logs(c, a, b));
        assertEquals(0, again.exitValue(), ClusterJvms.logs(c, a, b));
        String out = Files.readString(c);
        assertEquals(2, out.split("cluster " + name + " on ", -1).length - 1, "the restarted coordinator took the same name:\n" + out);
        assertTrue(out.contains("; from the run folders: "), out);
        assertTrue(survivor.waitFor(20, TimeUnit.SECONDS), "the surviving worker did not leave:\n" + ClusterJvms.logs(a, b));
        assertEquals(0, survivor.exitValue(), ClusterJvms.logs(a, b));
        String survived = Files.readString(survivor == wa ? a : b);
        assertTrue(survived.indexOf("connected to the coordinator") > survived.indexOf("disconnected from the coordinator"), survived);

        // 3. the local campaign's results, the killed run resumed from its checkpoint
        assertLikeTheLocalCampaign(root);
        for (Path run : runDirs(root)) assertTrue(ClusterJvms.starts(root, run) <= 3, run + ": started " + ClusterJvms.starts(root, run) + " times");
        assertTrue(Files.readString(ClusterJvms.log(root, victim[0])).contains("$ sectar resume " + victim[0]), "the killed run was resumed from its checkpoint");
    }

    @Test
    void aWorkerWithTheWrongClusterNameNeverGetsARun(@TempDir Path tmp) throws Exception {
        Path root = tmp.resolve("campaign"), c = tmp.resolve("coordinator.log"), w = tmp.resolve("wrong.log"), s = tmp.resolve("status.log");
        String name = "right-" + ProcessHandle.current().pid();
        start(args(root, "--cluster", "--port", "5821", "--cluster-name", name, "--lease-seconds", LEASE), c);
        ClusterJvms.await(() -> Files.exists(root.resolve(ClusterFiles.CLUSTER)), 30, x -> "the coordinator wrote no cluster.json");
        Process wrong = worker(root, w, "--cluster-name", "wrong-" + ProcessHandle.current().pid());
        assertTrue(wrong.waitFor(60, TimeUnit.SECONDS), "the wrong worker did not give up:\n" + ClusterJvms.logs(w));
        assertEquals(2, wrong.exitValue(), ClusterJvms.logs(w));
        String said = Files.readString(w);
        assertTrue(said.contains("error: no cluster named wrong-"), said);
        assertFalse(Files.exists(root.resolve("logs")), "no run was started");

        Process status = start(args(root, "--status"), s);
        assertTrue(status.waitFor(60, TimeUnit.SECONDS), ClusterJvms.logs(s));
        assertEquals(0, status.exitValue(), ClusterJvms.logs(s));
        List<String> lines = Files.readAllLines(s).stream().filter(l -> l.startsWith("ppo/") || l.startsWith("trpo/")).toList();
        assertEquals(RUNS, lines.size(), ClusterJvms.logs(s));
        for (String l : lines) assertTrue(l.split("\\s+")[1].equals("pending"), l);
        java.util.Optional<Path> anyRun = runDirs(root).stream().filter(Files::exists).findAny();
        assertTrue(anyRun.isEmpty(), "no run folder: " + anyRun);
    }
}
