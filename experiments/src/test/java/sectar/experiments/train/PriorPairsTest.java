package sectar.experiments.train;

import static org.junit.jupiter.api.Assertions.*;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import sectar.planner.MpcRollout;
import sectar.planner.PlanStats;

/** The learned prior's pairs: progress segments judged by their own T-step gain, or every chosen plan's first latent. */
class PriorPairsTest {
    private static final int T = 6, EXEC = 2;

    /**
     * One 1-d episode of 13 states (x = step index) replanning every 2 steps, whose only goal comes at step
     * {@code goalAt}; replan k executed latent (k, -k).
     */
    private static MpcRollout episode(int goalAt) {
        List<double[]> executed = new ArrayList<>();
        List<Integer> stages = new ArrayList<>(), starts = new ArrayList<>(), gains = new ArrayList<>();
        List<float[]> latents = new ArrayList<>();
        for (int j = 0; j <= 2 * T; j++) {
            executed.add(new double[] {j});
            stages.add(j >= goalAt ? 1 : 0);
        }
        for (int from = 0; from < 2 * T; from += EXEC) {
            starts.add(from);
            latents.add(new float[] {from / EXEC, -from / EXEC});
            gains.add(stages.get(from + EXEC) - stages.get(from));
        }
        MpcRollout.Trace tr = new MpcRollout.Trace(executed, new ArrayList<>(), new ArrayList<>(), latents, gains, starts, stages);
        return new MpcRollout(new double[1], new int[1], List.of(), List.of(tr), 2 * T, PlanStats.NONE);
    }

    @Test
    void aProgressSegmentIsJudgedByItsOwnTStepsNotItsReplansChunk() {
        // The goal at step 5: the chunk [4, 6] gained it, but so did the T-step segments from 0 and 2, whose own
        // chunks did not (the chunk rule kept only the segment from 4). The segment from 6 starts after it, and
        // those from 8 and 10 would run past the episode's end.
        PriorPairs.Segments s = PriorPairs.progressSegments(episode(5), 1, T);
        assertEquals(3, s.n());
        assertArrayEquals(new float[] {0, 2, 4}, s.starts());
        for (int i = 0; i < 3; i++)
            for (int j = 0; j <= T; j++) assertEquals(s.starts()[i] + j, s.states()[i * (T + 1) + j], "segment " + i + " state " + j);
    }

    @Test
    void thePlansSourceKeepsEveryReplansChosenLatentAtItsStartState() {
        PriorPairs.Chosen c = PriorPairs.chosenLatents(episode(5), 1, 2);
        assertEquals(6, c.n(), "one pair per replan, progress or not");
        for (int k = 0; k < 6; k++) {
            assertEquals(2 * k, c.starts()[k]);
            assertEquals(k, c.latents()[2 * k]);
            assertEquals(-k, c.latents()[2 * k + 1]);
        }
    }
}
