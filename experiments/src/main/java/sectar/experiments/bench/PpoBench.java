package sectar.experiments.bench;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.Locale;
import java.util.SplittableRandom;
import sectar.agent.nn.ParamStore;
import sectar.agent.nn.PolicyNet;
import sectar.agent.rl.Ppo;
import sectar.agent.rl.RolloutBatch;
import sectar.experiments.train.SectarRunConfig;

/**
 * Times one PPO update of the waypoint policy decoder (input obs 2 + latent 8, 4 actions; 20 rollouts
 * of 19 steps = 380 samples; 10 epochs of minibatch 200), the shape {@code bench/peers/nn_torch.py} times in PyTorch:
 * hidden 400-300-200 for {@code paper}, 64-64 for {@code cpu}. Median of 7 updates after 3 warm-ups.
 */
public final class PpoBench {
    private PpoBench() {}

    static final int OBS = 2, LATENT = 8, ACTIONS = 4, ROLLOUTS = 20, STEPS = 19, WARMUP = 3, REPEATS = 7;

    /** Runs the benchmark for {@code preset} ("paper" or "cpu") and prints one JSON line; returns the median ms. */
    public static double run(String preset, PrintStream out) {
        SectarRunConfig cfg = BenchPresets.sectar(preset);
        int[] hidden = cfg.model().policyHidden();
        SplittableRandom rng = new SplittableRandom(20260101L);
        PolicyNet pd = PolicyNet.categorical(new ParamStore(false), "pd", OBS + LATENT, hidden, ACTIONS, rng.split());
        Ppo ppo = new Ppo(pd, cfg.ppo(), rng.split());
        RolloutBatch batch = batch(pd, rng);
        for (int i = 0; i < WARMUP; i++) ppo.update(batch);
        double[] ms = new double[REPEATS];
        for (int i = 0; i < REPEATS; i++) {
            long t0 = System.nanoTime();
            ppo.update(batch);
            ms[i] = (System.nanoTime() - t0) / 1e6;
        }
        double[] sorted = ms.clone();
        Arrays.sort(sorted);
        double median = sorted[REPEATS / 2];
        StringBuilder reps = new StringBuilder();
        for (double m : ms) reps.append(reps.length() == 0 ? "" : ",").append(String.format(Locale.ROOT, "%.2f", m));
        out.println(String.format(Locale.ROOT,
                "{\"bench\":\"ppo_update\",\"preset\":\"%s\",\"task\":\"waypoint\",\"unit\":\"ms\",\"median\":%.2f,"
                        + "\"repeats\":[%s],\"samples\":%d,\"minibatch\":200,\"epochs\":10}",
                preset, median, reps, ROLLOUTS * STEPS));
        return median;
    }

    /** Random [s, z] inputs, actions from the policy, random rewards: the shapes of one PD update. */
    private static RolloutBatch batch(PolicyNet pd, SplittableRandom rng) {
        int n = ROLLOUTS * STEPS;
        double[][] x = new double[n][OBS + LATENT], a = new double[n][];
        double[] r = new double[n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < OBS + LATENT; j++) x[i][j] = rng.nextGaussian();
            a[i] = pd.act(x[i], rng);
            r[i] = rng.nextGaussian();
        }
        int[] lengths = new int[ROLLOUTS];
        Arrays.fill(lengths, STEPS);
        return new RolloutBatch(x, a, r, lengths, pd.logProbs(x, a));
    }

    public static void main(String[] args) {
        for (String p : args.length == 0 ? new String[] {"paper", "cpu"} : args) run(p, System.out);
    }
}
