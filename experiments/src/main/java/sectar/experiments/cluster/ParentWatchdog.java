package sectar.experiments.cluster;

import java.util.Optional;

/**
 * Ends a run's JVM when the cluster worker that started it is gone. A worker killed with SIGKILL would
 * otherwise leave its child training on while another worker, once the lease expires, resumes the same
 * run: two writers in one folder. Halting is like a kill -9 of the run, which {@code resume} handles
 * (its files are written atomically). Local campaigns set nothing, so their children outlive a killed
 * campaign as before ({@code Orphans}).
 */
public final class ParentWatchdog {
    /** The environment variable a worker sets on its children: its own pid. */
    public static final String ENV = "SECTAR_PARENT_PID";
    private static final long POLL_MS = 500;
    /** The exit code of a run halted because its worker died (128 + SIGKILL, as the kill it stands for). */
    static final int HALTED = 137;

    private ParentWatchdog() {}

    /** Starts the watch when {@value #ENV} names a pid; a value that is not a pid is ignored. */
    public static void startFromEnvironment() {
        String v = System.getenv(ENV);
        if (v == null || v.isBlank()) return;
        long pid;
        try {
            pid = Long.parseLong(v.strip());
        } catch (NumberFormatException e) {
            return;
        }
        Optional<ProcessHandle> parent = ProcessHandle.of(pid);
        Thread t = new Thread(() -> watch(parent), "parent-watchdog");
        t.setDaemon(true);
        t.start();
    }

    private static void watch(Optional<ProcessHandle> parent) {
        try {
            while (parent.map(ProcessHandle::isAlive).orElse(false)) Thread.sleep(POLL_MS);
        } catch (InterruptedException e) {
            return;
        }
        System.err.println("the worker that started this run is gone; stopping (the run resumes from its last checkpoint)");
        Runtime.getRuntime().halt(HALTED);
    }
}
