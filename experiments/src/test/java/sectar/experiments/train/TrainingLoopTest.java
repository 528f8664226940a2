package sectar.experiments.train;

import static org.junit.jupiter.api.Assertions.*;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import sectar.agent.io.Checkpoint;

/** The loop keeps every run's counters, headline columns and checkpoint counters; a trainer adds only its own. */
class TrainingLoopTest {
    /** A trainer that takes 10 env steps per iteration, writes one column and keeps one number of its own. */
    private static final class Counting implements Trainer {
        final List<Integer> seen = new ArrayList<>();
        long own;

        @Override public Iteration iterate(RunCounters before) {
            seen.add(before.iteration() + 1);
            own += 7;
            return new Iteration(10, 0.5, 0.25, 1.5, Map.of("own", own));
        }

        @Override public boolean finished(RunCounters c) { return c.envSteps() >= 30; }

        @Override public int plannedIterations() { return 3; }

        @Override public void save(Checkpoint.Builder b) { b.putLong("own", own); }

        @Override public void restore(Checkpoint c) { own = c.getLong("own"); }
    }

    @Test
    void rowsStartWithTheHeadlineAndTheCountersRunOnAcrossACheckpoint() {
        Counting trainer = new Counting();
        TrainingLoop loop = new TrainingLoop(trainer);
        Map<String, Object> first = loop.step();
        assertEquals(List.of("iteration", "env_steps", "wall_s", "return", "success", "stage", "own"), new ArrayList<>(first.keySet()));
        assertEquals(List.of(1, 10L, 0.5, 0.25, 1.5, 7L), List.of(first.get("iteration"), first.get("env_steps"), first.get("return"),
                first.get("success"), first.get("stage"), first.get("own")));
        loop.step();
        Checkpoint c = loop.checkpoint("{}");
        assertEquals(2, c.getLong("iteration"));
        assertEquals(20, c.getLong("env_steps"));
        assertTrue(c.longs().containsKey("wall_ms") && c.getLong("own") == 14);

        Counting again = new Counting();
        TrainingLoop resumed = new TrainingLoop(again);
        resumed.restore(c);
        assertEquals(new RunCounters(2, 20, c.getLong("wall_ms") / 1000.0), resumed.counters());
        assertFalse(resumed.finished());
        Map<String, Object> third = resumed.step();
        assertEquals(List.of(3), again.seen, "the trainer is told which iteration it runs");
        assertEquals(List.of(3, 30L, 21L), List.of(third.get("iteration"), third.get("env_steps"), third.get("own")));
        assertTrue(resumed.finished(), "the trainer decides the end from the loop's counters");
    }
}
