package sectar.agent.loop;

import java.util.Arrays;
import java.util.List;
import sectar.agent.rl.PpoConfig;
import sectar.sim.Env;
import sectar.sim.Seeds;
import sectar.sim.TaskSpec;

/**
 * Calibrates the explorer reset threshold to an explorer other than the released one. The released
 * threshold (1.34 on waypoint, 1.6 on block) was set for the released explorer (400-300-200, a new
 * action every step), and a fresh explorer's entropy depends on its widths and on the states it acts
 * from (a held action travels farther, where a fresh net is less uniform), so the same threshold resets
 * another explorer at another rate.
 *
 * <p>Both explorers are measured as they run: a fresh initialisation's entropy as collected (the mean
 * over the states it decided from in one rollout of its own K_e segments with its own action repeat,
 * from the instance's start), which is what the reset rule reads. The target threshold is the target's
 * fresh median minus the released explorer's margin (its fresh median minus the released threshold):
 * a reset fires when the explorer has lost as much entropy below a typical fresh net of its kind as the
 * released rule lets the released explorer lose. Calibrating the released explorer gives the released
 * threshold back, and when half the fresh released nets fall below the threshold the rule is the
 * matching quantile. Matching the share below at every share would not do: the released rule rarely or
 * never fires on a fresh net (block: none of 300; waypoint: about 8%), so the matching quantile is the
 * sample minimum or a few order statistics from it and moves with the sample count and seed, while
 * medians barely move.
 *
 * @param releasedShare  share of fresh released explorers below the released threshold (reported)
 * @param threshold      the target's threshold
 * @param releasedMedian median fresh entropy of the released explorer
 * @param targetMedian   median fresh entropy of the target explorer
 * @param samples        initialisations measured per explorer
 */
public record ResetCalibration(double releasedShare, double threshold, double releasedMedian, double targetMedian, int samples) {
    /** The fewest initialisations a calibration measures. */
    public static final int MIN_SAMPLES = 20;

    /**
     * The collection-time entropies (sorted) of {@code samples} fresh explorers of {@code cfg} (its widths,
     * segments and action repeat), each over one rollout from the instance's start.
     */
    public static double[] freshEntropies(ExplorerConfig cfg, PpoConfig ppo, TaskSpec spec, Env env, int samples, long seed) {
        ExplorerConfig one = cfg.withStarts(1);
        List<double[]> starts = List.of(env.reset(Seeds.derive(seed, "calibrate/env")));
        // the same nets and streams for every action repeat, so explorers that differ only in it are compared pairwise
        String kind = Arrays.toString(cfg.hidden());
        double[] out = new double[samples];
        for (int i = 0; i < samples; i++) {
            Explorer e = new Explorer(one, ppo, spec, false, Seeds.rng(seed, "calibrate/init/" + kind + "/" + i));
            out[i] = e.collect(env, starts, Seeds.rng(seed, "calibrate/roll/" + kind + "/" + i)).entropy();
        }
        Arrays.sort(out);
        return out;
    }

    /**
     * @param released the released explorer, with the released threshold
     * @param target   the explorer to calibrate for, as it runs
     * @param ppo      the explorer's PPO settings
     */
    public static ResetCalibration calibrate(ExplorerConfig released, ExplorerConfig target, PpoConfig ppo, TaskSpec spec,
                                             Env env, int samples, long seed) {
        if (samples < MIN_SAMPLES) throw new IllegalArgumentException("samples must be >= " + MIN_SAMPLES + ", got " + samples);
        if (!(released.resetEntropy() > 0))
            throw new IllegalArgumentException("the released explorer has no reset (resetEntropy " + released.resetEntropy() + ")");
        double[] rel = freshEntropies(released, ppo, spec, env, samples, seed);
        double[] tgt = freshEntropies(target, ppo, spec, env, samples, seed);
        return fromSamples(rel, tgt, released.resetEntropy());
    }

    /** The rule applied to sorted fresh entropies of both explorers. */
    static ResetCalibration fromSamples(double[] rel, double[] tgt, double releasedThreshold) {
        int n = rel.length, below = 0;
        while (below < n && rel[below] < releasedThreshold) below++;
        double relMedian = median(rel), tgtMedian = median(tgt);
        return new ResetCalibration(below / (double) n, tgtMedian - (relMedian - releasedThreshold), relMedian, tgtMedian, n);
    }

    static double median(double[] sorted) {
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : 0.5 * (sorted[n / 2 - 1] + sorted[n / 2]);
    }
}
