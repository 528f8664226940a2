package sectar.experiments.cluster;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A worker's child stops the moment its stdin pipe ends, even while the pid it watches is alive (here: this
 * test's JVM), so a run cannot outlive its killed worker by a poll interval and finish on its own.
 */
class ParentWatchdogTest {
    /** Stands for a run: watches as the CLI does, then would sleep far longer than the test waits. */
    public static final class Sleeper {
        public static void main(String[] args) throws InterruptedException {
            ParentWatchdog.startFromEnvironment();
            System.out.println("watching");
            System.out.flush();
            Thread.sleep(120_000);
        }
    }

    private static Process sleeper() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder pb = new ProcessBuilder(List.of(java, "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"), Sleeper.class.getName()))
                .redirectErrorStream(true);
        pb.environment().put(ParentWatchdog.ENV, Long.toString(ProcessHandle.current().pid()));
        Process p = pb.start();
        assertEquals('w', p.getInputStream().read(), "the child started its watch");
        return p;
    }

    @Test
    void theEndOfStdinStopsTheChildAtOnce() throws Exception {
        Process p = sleeper();
        long t0 = System.nanoTime();
        p.getOutputStream().close();
        assertTrue(p.waitFor(10, TimeUnit.SECONDS), "still running after its stdin ended");
        assertEquals(ParentWatchdog.HALTED, p.exitValue());
        assertTrue(new String(p.getInputStream().readAllBytes()).contains("the worker that started this run is gone"));
        System.out.printf("halted %.0f ms after stdin ended%n", (System.nanoTime() - t0) / 1e6);
    }

    @Test
    void anOpenStdinAndALiveParentKeepItRunning() throws Exception {
        Process p = sleeper();
        try {
            assertFalse(p.waitFor(1500, TimeUnit.MILLISECONDS), "the child stopped though its worker lives");
        } finally {
            p.destroyForcibly();
        }
    }
}
