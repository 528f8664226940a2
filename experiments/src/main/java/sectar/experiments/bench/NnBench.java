package sectar.experiments.bench;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.Locale;
import java.util.SplittableRandom;
import sectar.agent.nn.PolicyNet;
import sectar.agent.vae.SectarConfig;
import sectar.agent.vae.Sectar;
import sectar.agent.vae.SegmentBatch;
import sectar.experiments.train.SectarRunConfig;
import sectar.sim.Seeds;

/**
 * Timings of the SeCTAR networks on waypoint shapes (obs 2, 4 actions, T = 19), comparable with the
 * same model in PyTorch ({@code bench/peers/nn_torch.py}): a VAE+BC training step, a planning call (state-decoder
 * means for C candidates x H chained segments), and a batch-1 policy-decoder forward. Prints one JSON
 * line per measurement: the median of {@link #REPEATS} repeats after warm-up.
 */
public final class NnBench {
    private NnBench() {}

    public static final int REPEATS = 7;
    static final int OBS = 2, ACTIONS = 4, T = 19;

    public static void main(String[] args) {
        run(args.length > 0 ? args[0] : "cpu", System.out);
    }

    /** Runs all measurements of {@code preset} ("paper" or "cpu"), printing JSON lines to {@code out}. */
    public static void run(String preset, PrintStream out) {
        SectarRunConfig run = BenchPresets.sectar(preset);
        SectarConfig cfg = run.model();
        int[] shape = BenchPresets.planShape(run);
        int C = shape[0], H = shape[1];
        Sectar m = new Sectar(cfg, OBS, ACTIONS, true, T, false, Seeds.rng(0, "bench/init"));
        SplittableRandom rng = Seeds.rng(0, "bench/data");
        SegmentBatch batch = randomBatch(cfg.batchSize(), rng);
        double train = median(3, 1, () -> m.trainStep(batch, rng)) * 1e3;
        emit(out, "vae_train_step", preset, "", "ms", train);
        float[] s0 = gauss(rng, C * OBS), z = gauss(rng, C * H * cfg.latentDim());
        double plan = median(1, 1, () -> m.inference().decodeChain(s0, z, C, H)) * 1e3;
        emit(out, "plan_call", preset, ",\"C\":" + C + ",\"H\":" + H, "ms", plan);
        PolicyNet pd = m.policy();
        double[] s = {0.3, -1.2}, zz = new double[cfg.latentDim()];
        for (int i = 0; i < zz.length; i++) zz[i] = rng.nextGaussian();
        double[] sink = new double[1];
        int inner = 2000;
        double fwd = median(3, inner, () -> sink[0] += pd.probabilities(concat(s, zz))[0]) * 1e6;
        emit(out, "policy_forward_b1", preset, "", "us", fwd);
    }

    /** The policy decoder's input [s, z] (built per call, as a rollout does). */
    static double[] concat(double[] s, double[] z) {
        double[] x = new double[s.length + z.length];
        System.arraycopy(s, 0, x, 0, s.length);
        System.arraycopy(z, 0, x, s.length, z.length);
        return x;
    }

    static void emit(PrintStream out, String bench, String preset, String extra, String unit, double median) {
        out.println(String.format(Locale.ROOT, "{\"bench\":\"%s\",\"preset\":\"%s\",\"task\":\"waypoint\"%s,\"unit\":\"%s\",\"median\":%.4f}",
                bench, preset, extra, unit, median));
        out.flush();
    }

    /** Median seconds per call over REPEATS repeats of {@code inner} calls, after {@code warm} warm-up repeats. */
    static double median(int warm, int inner, Runnable r) {
        for (int i = 0; i < warm * inner; i++) r.run();
        double[] t = new double[REPEATS];
        for (int k = 0; k < REPEATS; k++) {
            long t0 = System.nanoTime();
            for (int i = 0; i < inner; i++) r.run();
            t[k] = (System.nanoTime() - t0) / 1e9 / inner;
        }
        Arrays.sort(t);
        return t[REPEATS / 2];
    }

    static SegmentBatch randomBatch(int b, SplittableRandom rng) {
        int S = T + 1;
        float[] s = gauss(rng, b * S * OBS), a = new float[b * S * ACTIONS];
        for (int i = 0; i < b * S; i++) a[i * ACTIONS + rng.nextInt(ACTIONS)] = 1;
        return new SegmentBatch(s, a, b);
    }

    static float[] gauss(SplittableRandom rng, int n) {
        float[] a = new float[n];
        for (int i = 0; i < n; i++) a[i] = (float) rng.nextGaussian();
        return a;
    }
}
