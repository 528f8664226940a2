package sectar.agent.rl;

import static org.junit.jupiter.api.Assertions.*;

import org.junit.jupiter.api.Test;

/** Episodes that finished interleaved across envs are regrouped env by env in time order. */
class EnvStreamsTest {
    @Test
    void eachEnvsEpisodesFormOneStreamInTimeOrder() {
        // finished in this order: env 1 (2 steps, rows 0-1), env 0 (3 steps, rows 2-4), env 1 (1 step, row 5)
        int[] lengths = {2, 3, 1};
        double[][] in = new double[6][1];
        RolloutBatch batch = new RolloutBatch(in, new double[6][1], new double[6], lengths, null);
        double[][] ends = {{1}, {2}, {3}};
        VectorRollouts.Result r = new VectorRollouts.Result(batch, new double[3], new int[3], 6, new int[] {1, 0, 1}, ends, ends);
        EnvStreams s = EnvStreams.of(r);
        assertArrayEquals(new int[] {2, 3, 4, 0, 1, 5}, s.order());
        assertArrayEquals(new int[] {3, 3}, s.lengths());
        assertArrayEquals(new int[] {0, 1}, s.envs());
        assertArrayEquals(new int[] {1, 2}, s.lastEpisode(), "env 0 ends with episode 1, env 1 with episode 2");
        double[] rows = {10, 11, 12, 13, 14, 15};
        assertArrayEquals(new double[] {12, 13, 14, 10, 11, 15}, s.toStreams(rows), 0.0);
        assertArrayEquals(rows, s.toRows(s.toStreams(rows)), 0.0);
    }
}
