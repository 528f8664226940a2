package sectar.experiments.cluster;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import sectar.experiments.run.RunFence;

/**
 * A cluster campaign across hosts: the coordinator and two workers each in their own network and PID
 * namespaces (as root, as CI runs), sharing only the campaign folder, so no worker sees another's
 * processes. One campaign goes through three failures: a worker's link is cut mid-run for longer than
 * the lease and restored; the coordinator is killed mid-run and started again; a worker is frozen with
 * SIGSTOP (with its run) until another worker has taken its run over, then its run is let go on while the
 * worker stays frozen, and the worker is resumed with SIGCONT past twice its lease. Every time every run
 * ends with each iteration once in metrics.csv, the run folders' writer records show one writer at a
 * time, and the campaign completes. Where namespaces cannot be made the test says so and runs on the
 * loopback interface without the link cut.
 */
class ClusterHostsTest {
    /** Four PPO runs of 60 iterations of two 380-step episodes: several seconds of training each. */
    /**
     * Runs in the campaign: enough that some are still training after the link cut and the coordinator's
     * restart on a quiet machine, where a run of 60 iterations takes a few seconds.
     */
    private static final int RUNS = 12;
    private static final List<String> PLAN = List.of("experiment", "waypoint", "--algos", "ppo", "--seeds", Integer.toString(RUNS), "--instances", "0",
            "--env-steps", "45600", "--set", "ppo:envs=2");
    private static final int ITERATIONS = 60;
    private static final int LEASE_SECONDS = 4;
    private static final int COORDINATOR = 0;

    private final ClusterJvms jvms = new ClusterJvms();
    private Hosts hosts;

    @AfterEach
    void stopAll() {
        jvms.close();
        if (hosts != null) hosts.close();
    }

    private static List<Path> runDirs(Path root) {
        List<Path> dirs = new ArrayList<>();
        for (int s = 1; s <= RUNS; s++) dirs.add(root.resolve("ppo").resolve("i0-s" + s));
        return dirs;
    }

    /** A worker's run JVM on a run with at least {@code from} and at most {@code to} rows, with that run. */
    private record Busy(int host, Process worker, ProcessHandle child, Path run) {}

    private static Optional<Busy> busy(List<Process> workers, Path root, int from, int to) {
        for (int w = 0; w < workers.size(); w++)
            for (Path run : runDirs(root)) {
                int rows = ClusterJvms.rows(run);
                Optional<ProcessHandle> h = ClusterJvms.runOf(workers.get(w), run);
                if (h.isPresent() && h.get().isAlive() && rows >= from && rows <= to) return Optional.of(new Busy(w + 1, workers.get(w), h.get(), run));
            }
        return Optional.empty();
    }

    /** Gone, or a zombie its frozen parent has not reaped yet. */
    private static boolean exited(ProcessHandle p) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(p.pid()), "stat"));
            return stat.substring(stat.lastIndexOf(')') + 2).startsWith("Z");
        } catch (java.io.IOException gone) {
            return true;
        }
    }

    private static String seconds(long nanos) { return String.format(Locale.ROOT, "%.1f s", nanos / 1e9); }

    @Test
    void aCutLinkAKilledCoordinatorAndAFrozenWorkerLeaveEveryRunWithOneWriterAtATime(@TempDir Path tmp) throws Exception {
        StringBuilder why = new StringBuilder();
        hosts = Hosts.namespaces(3, why);
        if (hosts == null) {
            System.out.println("ClusterHostsTest: cannot create network and PID namespaces here (" + why
                    + "); running the loopback variant, without the link cut");
            hosts = Hosts.loopback();
        }
        System.out.println("ClusterHostsTest: hosts are " + hosts.kind());
        Path root = tmp.resolve("campaign"), c = tmp.resolve("coordinator.log"), a = tmp.resolve("a.log"), b = tmp.resolve("b.log");
        Path[] logs = {c, a, b};
        List<String> command = new ArrayList<>(PLAN);
        command.addAll(List.of("--out", root.toString(), "--cluster", "--bind", hosts.address(COORDINATOR), "--port", hosts.canCut() ? "5701" : "5841",
                "--lease-seconds", Integer.toString(LEASE_SECONDS)));
        Process coordinator = jvms.start(hosts, COORDINATOR, command, c);
        ClusterJvms.await(() -> Files.exists(root.resolve(ClusterFiles.CLUSTER)), 60, x -> "no cluster.json:\n" + ClusterJvms.logs(logs));
        List<String> worker = List.of("worker", "--campaign", root.toString());
        List<Process> workers = List.of(jvms.start(hosts, 1, worker, a), jvms.start(hosts, 2, worker, b));
        long lease = LEASE_SECONDS * 1_000_000_000L;

        // 1. cut a worker's link mid-run for one and a half leases: its own timer stops the run before the lease can run out
        if (hosts.canCut()) {
            Busy cut = awaitBusy(workers, root, 3, 15, logs);
            long t0 = System.nanoTime();
            hosts.cut(cut.host());
            ClusterJvms.await(() -> exited(cut.child()), 3L * LEASE_SECONDS, x -> "the cut worker's run still runs:\n" + ClusterJvms.logs(logs));
            long stoppedAfter = System.nanoTime() - t0;
            assertTrue(stoppedAfter < lease, "the cut worker's run stopped " + seconds(stoppedAfter) + " after the cut, the lease is " + LEASE_SECONDS + " s");
            Thread.sleep(Math.max(0, (t0 + lease * 3 / 2 - System.nanoTime()) / 1_000_000));
            hosts.restore(cut.host());
            String said = Files.readString(logs[cut.host()]);
            assertTrue(said.contains("stopped " + root.relativize(cut.run()) + ": no renewal reached the coordinator"), said);
            System.out.println("ClusterHostsTest: cut host " + cut.host() + "'s link for " + seconds(lease * 3 / 2) + " during " + root.relativize(cut.run())
                    + " (row " + ClusterJvms.rows(cut.run()) + "): its run stopped " + seconds(stoppedAfter) + " after the cut");
        } else {
            System.out.println("ClusterHostsTest: loopback variant, the link-cut step needs network namespaces and is skipped");
        }

        // 2. kill the coordinator mid-run and start it again with the same command
        Busy during = awaitBusy(workers, root, 2, ITERATIONS - 10, logs);
        coordinator.destroyForcibly();
        coordinator.waitFor();
        Thread.sleep(1000);
        coordinator = jvms.start(hosts, COORDINATOR, command, c);
        ClusterJvms.await(() -> ClusterJvms.logs(c).split("; from the run folders: ", -1).length == 3, 60, x -> "the coordinator did not start again:\n"
                + ClusterJvms.logs(logs));
        Thread.sleep(lease / 1_000_000 + 1000); // the runs the workers' timers stop for want of renewals stop within a lease
        System.out.println("ClusterHostsTest: killed the coordinator during " + root.relativize(during.run()) + " and started it again");

        // 3. freeze a worker and its run until another worker took the run over; the run, let go on alone, must not write
        Busy frozen;
        ProcessHandle jvm;
        long epoch, t0;
        do { // a run found busy may end before the signal (its worker's timer, just after the coordinator's restart)
            frozen = awaitBusy(workers, root, 2, ITERATIONS - 15, logs);
            jvm = ClusterJvms.sectar(frozen.worker()).orElseThrow();
            epoch = RunFence.epoch(frozen.run());
            t0 = System.nanoTime();
        } while (!freezeOutsideTheFence(frozen.run(), jvm, frozen.child()));
        Busy victim = frozen;
        long had = epoch;
        ClusterJvms.await(() -> RunFence.epoch(victim.run()) > had, 180, x -> "nobody took the frozen worker's run over:\n" + ClusterJvms.logs(logs));
        long takenAfter = System.nanoTime() - t0;
        ClusterJvms.signal("CONT", frozen.child().pid());
        ClusterJvms.await(() -> exited(victim.child()), 60, x -> "the superseded run did not stop:\n" + ClusterJvms.logs(logs));
        Thread.sleep(Math.max(0, (t0 + 2 * lease - System.nanoTime()) / 1_000_000));
        ClusterJvms.signal("CONT", jvm.pid());
        System.out.println("ClusterHostsTest: froze host " + frozen.host() + " during " + root.relativize(frozen.run()) + " (epoch " + epoch + "); taken over "
                + seconds(takenAfter) + " later, then its run was let go on and stopped; the worker was resumed after " + seconds(System.nanoTime() - t0));

        assertTrue(coordinator.waitFor(300, TimeUnit.SECONDS), "the campaign did not complete:\n" + ClusterJvms.logs(logs));
        assertEquals(0, coordinator.exitValue(), ClusterJvms.logs(logs));
        for (Process w : workers) {
            assertTrue(w.waitFor(30, TimeUnit.SECONDS), "a worker did not leave:\n" + ClusterJvms.logs(logs));
            assertEquals(0, w.exitValue(), ClusterJvms.logs(logs));
        }
        ClusterJvms.assertEachIterationOnceAndOneWriterAtATime(runDirs(root), ITERATIONS);
        String frozenLog = Files.readString(ClusterJvms.log(root, frozen.run()));
        assertTrue(frozenLog.contains("superseded: run folder " + frozen.run() + " now belongs to epoch"), frozenLog + ClusterJvms.logs(logs)
                + "\nwriters:\n" + Files.readString(frozen.run().resolve(RunFence.WRITERS)));
        assertEquals(runDirs(root).size() + 1, Files.readAllLines(root.resolve("summary.csv")).size(), "every run in the summary");
    }

    /**
     * Stops both with SIGSTOP at a moment neither holds a fence lock. A run frozen in the middle of a write (a
     * few milliseconds of each iteration) holds its folder's lock, and its successor's claim waits for it to
     * resume: that would only delay this test, whose takeover must happen while the run is frozen. False when one
     * of them has ended.
     */
    private static boolean freezeOutsideTheFence(Path run, ProcessHandle... ps) throws Exception {
        for (int attempt = 0; attempt < 100; attempt++) {
            boolean all = true;
            for (ProcessHandle p : ps) all &= ClusterJvms.signal("STOP", p.pid()) && !exited(p);
            if (all && !holdsTheFence(run, ps)) return true;
            for (ProcessHandle p : ps) ClusterJvms.signal("CONT", p.pid());
            if (!all) return false;
            Thread.sleep(37);
        }
        fail("the frozen worker's run held its fence lock at every try");
        return false;
    }

    /** Whether /proc/locks lists one of {@code ps} as the holder of a lock on {@code run}'s fence file. */
    private static boolean holdsTheFence(Path run, ProcessHandle... ps) throws java.io.IOException {
        String inode = ":" + Files.getAttribute(run.resolve(RunFence.FILE), "unix:ino");
        for (String l : Files.readAllLines(Path.of("/proc/locks"))) {
            String[] f = l.trim().split("\\s+"); // 1: POSIX ADVISORY WRITE <pid> <major>:<minor>:<inode> <start> <end>
            for (ProcessHandle p : ps) if (f.length > 5 && f[4].equals(Long.toString(p.pid())) && f[5].endsWith(inode)) return true;
        }
        return false;
    }

    private static Busy awaitBusy(List<Process> workers, Path root, int from, int to, Path[] logs) throws InterruptedException {
        Busy[] found = new Busy[1];
        ClusterJvms.await(() -> (found[0] = busy(workers, root, from, to).orElse(null)) != null, 180,
                x -> "no worker was " + from + "-" + to + " rows into a run:\n" + ClusterJvms.logs(logs));
        return found[0];
    }
}
