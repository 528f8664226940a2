package sectar.agent.rl;

import static org.junit.jupiter.api.Assertions.*;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import sectar.agent.Fixtures;
import sectar.agent.nn.ParamStore;
import sectar.agent.nn.PolicyNet;
import sectar.sim.Seeds;
import sectar.sim.toy.DeepSea;
import sectar.sim.vector.VectorEnv;

/** PPO + RND finds the deep-sea treasure that PPO alone never sees, with the flat baselines' cpu settings. */
class RndPpoTest {
    static final int SIZE = 16, ENVS = 8, ITERATIONS = 300, LAST = 50;

    /** The flat cpu preset's PPO: the released settings with a 64-64 value net. */
    static final PpoConfig PPO = Fixtures.ppo(3e-4, new int[] {64, 64}, 1e-3);

    /** Mean episode return of every iteration, and RND's stats of every iteration (empty for PPO). */
    record Run(double[] returns, List<RndStats> stats) {
        double meanOfLast(int n) {
            double s = 0;
            for (int i = returns.length - n; i < returns.length; i++) s += returns[i] / n;
            return s;
        }
    }

    /** Trains on a deep sea of {@code SIZE} whose action meanings are drawn from the seed. */
    static Run train(boolean withRnd, long seed, int iterations) {
        try (VectorEnv envs = new VectorEnv(() -> DeepSea.make(SIZE, Seeds.derive(seed, "actions")), ENVS,
                Seeds.derive(seed, "env"), 1)) {
            PolicyNet pi = PolicyNet.categorical(new ParamStore(false), "policy", envs.spec().obsDim(), new int[] {64, 64}, 2,
                    Seeds.rng(seed, "init/policy"));
            Ppo ppo = new Ppo(pi, PPO, Seeds.rng(seed, "ppo"));
            RndPpo rnd = withRnd ? new RndPpo(ppo, Fixtures.rnd(), ENVS, Seeds.rng(seed, "rnd")) : null;
            double[] returns = new double[iterations];
            List<RndStats> stats = new ArrayList<>();
            for (int it = 0; it < iterations; it++) {
                VectorRollouts.Result r = VectorRollouts.collect(envs, pi, 1, Seeds.rng(seed, "iter/" + it + "/act"));
                returns[it] = r.meanReturn();
                if (rnd == null) ppo.update(r.batch(), Seeds.rng(seed, "iter/" + it + "/ppo"));
                else stats.add(rnd.update(r, Seeds.rng(seed, "iter/" + it + "/ppo"), Seeds.rng(seed, "iter/" + it + "/rnd")));
            }
            return new Run(returns, stats);
        }
    }

    /**
     * Same budget for both (300 iterations of 8 episodes, 36,000 env steps), seeds 1-3. A policy that does
     * not know where the treasure is finds it with probability 2^-15 per episode (15 right moves in a row,
     * each cell with its own action meaning: about 0.07 expected finds in 2,400 episodes), and PPO gets no
     * gradient towards a reward it has never seen: it measured return 0 in every iteration of every
     * seed. When PPO + RND first finds the treasure depends on float rounding, so on the processor's BLAS
     * kernels: on one machine seeds 1-3 first found it in iterations 45, 142 and 113 (last-50 means 0.995,
     * 0.993, 0.993), on an AVX-512 Xeon in 45 and 64 with seed 3 not finding it in 300 iterations (0.995,
     * 0.998, 0). So the test asks what holds on both: RND finds the treasure in at least two of the three
     * seeds, and the mean over seeds of the last-50 return exceeds 0.5, against PPO's 0.
     */
    @Test
    void rndFindsTheTreasurePpoNeverSees() {
        int found = 0;
        double lastMeans = 0;
        for (long seed = 1; seed <= 3; seed++) {
            Run ppo = train(false, seed, ITERATIONS), rnd = train(true, seed, ITERATIONS);
            double ppoTotal = 0;
            for (double r : ppo.returns()) ppoTotal += r;
            int first = 0;
            while (first < ITERATIONS && rnd.returns()[first] == 0) first++;
            System.out.printf("deep sea %d, seed %d: PPO return summed over %d iterations %.3f; PPO + RND mean of the last %d %.3f, "
                    + "first reward in iteration %d%n", SIZE, seed, ITERATIONS, ppoTotal, LAST, rnd.meanOfLast(LAST), first);
            assertEquals(0.0, ppoTotal, "PPO alone never reaches the treasure (seed " + seed + ")");
            if (first < ITERATIONS) found++;
            lastMeans += rnd.meanOfLast(LAST) / 3;
        }
        assertTrue(found >= 2, "PPO + RND must find the treasure in at least 2 of 3 seeds, found it in " + found);
        assertTrue(lastMeans > 0.5, "PPO + RND's return over the last " + LAST + " iterations, mean of seeds 1-3, must exceed 0.5, got " + lastMeans);
    }

    @Test
    void sameSeedGivesIdenticalRuns() {
        Run a = train(true, 9, 4), b = train(true, 9, 4);
        assertArrayEquals(a.returns(), b.returns(), 0.0);
        for (int i = 0; i < a.stats().size(); i++) assertEquals(a.stats().get(i), b.stats().get(i), "iteration " + i);
    }

    @Test
    void needsPposValueNetAndNamesWhy() {
        PolicyNet pi = PolicyNet.categorical(new ParamStore(false), "p", 2, new int[] {8}, 2, Seeds.rng(1, "init"));
        Ppo zeroBaseline = new Ppo(pi, Fixtures.ppo(), Seeds.rng(1, "ppo"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new RndPpo(zeroBaseline, Fixtures.rnd(), 2, Seeds.rng(1, "rnd")));
        assertTrue(e.getMessage().contains("valueHidden"), e.getMessage());
    }
}
