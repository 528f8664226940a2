package sectar.sim.toy;

import static org.junit.jupiter.api.Assertions.*;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import sectar.sim.Env;
import sectar.sim.Episode;
import sectar.sim.Policy;
import sectar.sim.Step;

/** Deep sea is solvable by the scripted solver, sparse for a random policy, and honours the env contract. */
class DeepSeaTest {
    private static final int SIZE = 16;

    @Test
    void theSolverReachesTheTreasureOnTheLastRow() {
        DeepSea sea = new DeepSea(SIZE, 5);
        Env env = new sectar.sim.TimeLimit(sea);
        Episode r = Episode.run(env, (obs, stage, rng) -> sea.rightAction(obs), 1, new SplittableRandom(1));
        assertEquals(1.0, r.totalReward());
        assertEquals(SIZE - 1, r.steps());
    }

    @Test
    void aRandomPolicyNeverFindsIt() {
        // it needs 15 right moves in 15 steps: probability 2^-15 = 3.1e-5 per episode
        Env env = DeepSea.make(SIZE, 5);
        SplittableRandom rng = new SplittableRandom(2);
        double total = 0;
        for (int e = 0; e < 2000; e++) total += Episode.run(env, Policy.random(env.actionSpace()), e, rng).totalReward();
        assertEquals(0.0, total);
    }

    @Test
    void actionMeaningsDifferBetweenCellsAndFollowTheSeed() {
        DeepSea a = new DeepSea(SIZE, 5), b = new DeepSea(SIZE, 5);
        int ones = 0, same = 0;
        for (int r = 0; r < SIZE; r++)
            for (int c = 0; c < SIZE; c++) {
                double[] obs = a.resetTo(cell(c, r), 0);
                ones += (int) a.rightAction(obs)[0];
                same += a.rightAction(obs)[0] == b.rightAction(b.resetTo(cell(c, r), 0))[0] ? 1 : 0;
            }
        assertEquals(SIZE * SIZE, same, "the same seed draws the same meanings");
        assertTrue(ones > SIZE * SIZE / 4 && ones < 3 * SIZE * SIZE / 4, "about half the cells move right on action 1: " + ones);
    }

    @Test
    void observationsAreCellsAndBadInputIsRejected() {
        Env env = DeepSea.make(SIZE, 5);
        double[] start = env.reset(7);
        assertArrayEquals(cell(0, 0), start, 0.0);
        Step s = env.step(new double[] {1});
        assertEquals(1.0, s.observation()[1] * (SIZE - 1), 1e-12);
        assertArrayEquals(s.observation(), DeepSea.make(SIZE, 5).resetTo(s.observation()), 0.0);
        assertThrows(IllegalArgumentException.class, () -> env.step(new double[] {2}));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> env.resetTo(new double[2 + SIZE * SIZE]));
        assertTrue(e.getMessage().contains("one-hot"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new DeepSea(1, 0));
        assertThrows(IllegalStateException.class, () -> new DeepSea(SIZE, 0).step(new double[] {0}));
    }

    static double[] cell(int c, int r) {
        double[] o = new double[2 + SIZE * SIZE];
        o[0] = c / (double) (SIZE - 1);
        o[1] = r / (double) (SIZE - 1);
        o[2 + r * SIZE + c] = 1;
        return o;
    }
}
