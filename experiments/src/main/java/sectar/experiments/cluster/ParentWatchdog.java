package sectar.experiments.cluster;

import java.io.IOException;
import java.util.Optional;

/**
 * Ends a run's JVM when the cluster worker that started it is gone. A worker killed with SIGKILL would
 * otherwise leave its child training on while another worker, once the lease expires, resumes the same
 * run: two writers in one folder. Halting is like a kill -9 of the run, which {@code resume} handles
 * (its files are written atomically). Local campaigns set nothing, so their children outlive a killed
 * campaign as before ({@code Orphans}).
 *
 * <p>Two signals, whichever comes first: the end of stdin (the worker holds the write end of the child's
 * stdin pipe for the child's whole life, and the kernel closes it the instant the worker dies), and a
 * poll of the worker's pid as a fallback. Polling alone left a window of up to half a second in which a
 * short run could finish its last iterations after its worker was killed.
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
        daemon(() -> watch(parent), "parent-watchdog");
        daemon(ParentWatchdog::watchStdin, "parent-watchdog-stdin");
    }

    private static void daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        t.start();
    }

    private static void watchStdin() {
        try {
            while (System.in.read() >= 0) {} // the worker never writes; anything that comes is ignored
        } catch (IOException e) {
            // a broken pipe means the same as its end: the worker is gone
        }
        stop();
    }

    private static void watch(Optional<ProcessHandle> parent) {
        try {
            while (parent.map(ProcessHandle::isAlive).orElse(false)) Thread.sleep(POLL_MS);
        } catch (InterruptedException e) {
            return;
        }
        stop();
    }

    private static void stop() {
        System.err.println("the worker that started this run is gone; stopping (the run resumes from its last checkpoint)");
        Runtime.getRuntime().halt(HALTED);
    }
}
