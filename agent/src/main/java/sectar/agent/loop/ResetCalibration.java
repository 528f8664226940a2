package sectar.agent.loop;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import sectar.agent.rl.PpoConfig;
import sectar.sim.Env;
import sectar.sim.Seeds;
import sectar.sim.TaskSpec;

/**
 * Calibrates the explorer reset threshold to a network size. The released threshold (1.34 on
 * waypoint, 1.6 on block) was set for a 400-300-200 explorer, and a freshly initialised network's
 * entropy depends on its size: a smaller net starts less uniform, so the same threshold resets it far
 * more often. This measures the entropy a fresh explorer collects at (one rollout of K_e segments
 * from the instance's start, as the reset rule reads it) over many initialisations, finds how often
 * the released net falls below the released threshold, and returns the entropy at that same quantile
 * for the other size.
 *
 * @param releasedShare share of fresh released-size explorers below the released threshold
 * @param threshold     the entropy with the same share of fresh target-size explorers below it
 * @param samples       initialisations measured per size
 */
public record ResetCalibration(double releasedShare, double threshold, int samples) {

    /** Mean collection-time entropies of {@code samples} fresh explorers of {@code hidden} (sorted); {@code ppo} is the explorer's PPO. */
    public static double[] freshEntropies(ExplorerConfig cfg, PpoConfig ppo, int[] hidden, TaskSpec spec, Env env, int samples,
                                          long seed) {
        ExplorerConfig sized = new ExplorerConfig(1, cfg.segments(), hidden, cfg.initLogStd(), cfg.entropyBonus(),
                cfg.resetEntropy(), cfg.actionRepeat());
        double[] start = env.reset(Seeds.derive(seed, "calibrate/env"));
        List<double[]> starts = new ArrayList<>(List.of(start));
        double[] out = new double[samples];
        for (int i = 0; i < samples; i++) {
            Explorer e = new Explorer(sized, ppo, spec, false, Seeds.rng(seed, "calibrate/init/" + Arrays.toString(hidden) + "/" + i));
            out[i] = e.collect(env, starts, Seeds.rng(seed, "calibrate/roll/" + i)).entropy();
        }
        Arrays.sort(out);
        return out;
    }

    /**
     * @param releasedCfg the released explorer
     * @param ppo        the explorer's PPO settings
     * @param released   the released explorer's hidden widths (400-300-200)
     * @param target     the widths to calibrate for
     */
    public static ResetCalibration calibrate(ExplorerConfig releasedCfg, PpoConfig ppo, int[] released, int[] target, TaskSpec spec,
                                             Env env, int samples, long seed) {
        double[] rel = freshEntropies(releasedCfg, ppo, released, spec, env, samples, seed);
        double[] tgt = freshEntropies(releasedCfg, ppo, target, spec, env, samples, seed);
        int below = 0;
        while (below < rel.length && rel[below] < releasedCfg.resetEntropy()) below++;
        double share = below / (double) samples;
        // The entropy with the same share below it: midway between the neighbouring order statistics.
        int k = (int) Math.round(share * samples);
        double threshold = k <= 0 ? tgt[0] - 1e-6 : k >= samples ? tgt[samples - 1] + 1e-6 : 0.5 * (tgt[k - 1] + tgt[k]);
        return new ResetCalibration(share, threshold, samples);
    }
}
