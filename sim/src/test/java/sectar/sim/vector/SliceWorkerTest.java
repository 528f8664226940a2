package sectar.sim.vector;

import static org.junit.jupiter.api.Assertions.*;

import org.junit.jupiter.api.Test;

/** The vector env's hand-off: both halves run, their writes are visible, failures reach the caller. */
class SliceWorkerTest {
    @Test
    void everyBatchRunsBothHalvesAndTheirWritesAreVisible() {
        long[] halves = new long[2];
        try (SliceWorker w = new SliceWorker("test")) {
            for (int i = 0; i < 20_000; i++) {
                long expect = i;
                w.runBoth(() -> halves[0]++, () -> {
                    assertEquals(expect, halves[1]);
                    halves[1]++;
                });
                assertEquals(i + 1, halves[1], "the worker's half of batch " + i + " is done when runBoth returns");
            }
        }
        assertEquals(20_000, halves[0]);
    }

    @Test
    void aFailureInTheWorkersHalfIsThrownToTheCallerAndTheWorkerGoesOn() {
        try (SliceWorker w = new SliceWorker("test")) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> w.runBoth(() -> {}, () -> { throw new IllegalArgumentException("env 5 broke"); }));
            assertEquals("env 5 broke", e.getMessage());
            boolean[] ran = new boolean[1];
            w.runBoth(() -> {}, () -> ran[0] = true);
            assertTrue(ran[0], "the next batch runs");
        }
    }

    @Test
    void splitDecisionPicksTheFasterWayFromItsProbesAndProbesLessWhileItHolds() {
        SplitDecision d = new SplitDecision();
        long calls = 0;
        for (; calls < SplitDecision.MIN_PERIOD; calls++) d.record(d.splitNext() ? 100 : 300); // splitting is faster
        assertTrue(d.splitting());
        assertEquals(SplitDecision.MIN_PERIOD, d.period(), "a new choice keeps the short period");
        for (int i = 0; i < SplitDecision.probeCalls(); i++) d.record(d.splitNext() ? 100 : 300); // the same again
        assertTrue(d.splitting());
        assertEquals(2 * SplitDecision.MIN_PERIOD, d.period(), "a confirmed choice probes half as often");
        for (long i = SplitDecision.probeCalls(); i < 2L * SplitDecision.MIN_PERIOD; i++) {
            assertTrue(d.splitNext(), "between probes the chosen way is used");
            d.record(100);
        }
        for (int i = 0; i < SplitDecision.probeCalls(); i++) d.record(d.splitNext() ? 300 : 100); // now it is slower
        assertFalse(d.splitting());
        assertEquals(SplitDecision.MIN_PERIOD, d.period(), "a changed choice is checked again soon");
        assertFalse(d.splitNext());
    }
}
