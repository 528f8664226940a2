package sectar.experiments.bench;

import java.util.SplittableRandom;
import sectar.agent.vae.Sectar;
import sectar.agent.vae.SectarConfig;
import sectar.agent.vae.SegmentBatch;
import sectar.sim.Seeds;
import sectar.sim.tasks.Tasks;

/**
 * How well the SeCTAR VAE learns waypoint segments (80% expert, 20% random walk, uniform starts and
 * stages; cpu preset, batch 64, seed 7), measured next to baselines on the same trained model: the
 * end-state error of decoding with the prior's mean latent z = 0 (what the decoder does without the
 * encoder's information) and chance accuracy for behaviour cloning. Absolute targets (end error < 0.2,
 * BC accuracy >= 0.9) are not reached in a CPU-minute of training, so the learning test asserts against
 * the baselines and {@code sectar bench vae} reports the absolute figures.
 */
public final class VaeQuality {
    public static final long SEED = 7;
    public static final int DEFAULT_STEPS = 1000;

    private VaeQuality() {}

    /**
     * @param steps          training steps run
     * @param seconds        wall time of the training steps
     * @param mseBefore      held-out mixed reconstruction MSE of the untrained model (z = encoder mean)
     * @param mseAfter       the same after training
     * @param endError       mean distance of predicted to true end state, held-out expert segments, z = encoder mean
     * @param endErrorPrior  the same with z = 0, the prior's mean, for every segment (baseline)
     * @param bcAccuracy     policy-decoder argmax accuracy on held-out expert segments, z = encoder mean
     * @param chanceAccuracy 1 / number of actions (baseline)
     */
    public record Result(int steps, double seconds, double mseBefore, double mseAfter, double endError,
                         double endErrorPrior, double bcAccuracy, double chanceAccuracy) {
        public double mseRatio() { return mseBefore / mseAfter; }
    }

    /** Generates the data, trains for {@code steps} steps and measures; deterministic apart from {@code seconds}. */
    public static Result run(int steps) {
        if (steps < 1) throw new IllegalArgumentException("steps must be >= 1, got " + steps);
        SplittableRandom data = Seeds.rng(SEED, "data");
        SegmentBatch train = WaypointSegments.concat(WaypointSegments.make(2400, true, data),
                WaypointSegments.make(600, false, data));
        SegmentBatch heldExpert = WaypointSegments.make(160, true, data), heldRandom = WaypointSegments.make(40, false, data);
        SegmentBatch held = WaypointSegments.concat(heldExpert, heldRandom);
        SectarConfig cfg = BenchPresets.sectar("cpu", "model.batchSize=64").model();
        Sectar m = new Sectar(cfg, Tasks.spec("waypoint", 0), Seeds.rng(SEED, "init"));
        SplittableRandom noise = Seeds.rng(SEED, "noise"), order = Seeds.rng(SEED, "order");
        double mse0 = reconstruction(m, held, encoderMean(m, held))[0];
        long t0 = System.nanoTime();
        for (int i = 0; i < steps; i++) m.trainStep(WaypointSegments.sample(train, cfg.batchSize(), order), noise);
        double secs = (System.nanoTime() - t0) / 1e9;
        double mse = reconstruction(m, held, encoderMean(m, held))[0];
        double end = reconstruction(m, heldExpert, encoderMean(m, heldExpert))[1];
        double endPrior = reconstruction(m, heldExpert, new float[heldExpert.batch() * m.latentDim()])[1];
        return new Result(steps, secs, mse0, mse, end, endPrior, bcAccuracy(m, heldExpert), 1.0 / m.actionSize());
    }

    /** The encoder's posterior mean, [n][latent]. */
    static float[] encoderMean(Sectar m, SegmentBatch b) {
        return m.inference().encode(b.states(), b.batch())[0];
    }

    /**
     * {mean squared error of the predicted means, mean distance of predicted to true end state} when each
     * segment is decoded from its true start state with latent {@code z} ([n][latent]).
     */
    public static double[] reconstruction(Sectar m, SegmentBatch b, float[] z) {
        int n = b.batch(), T = m.steps(), S = T + 1, obs = m.obsDim();
        float[] s0 = new float[n * obs];
        for (int i = 0; i < n; i++) System.arraycopy(b.states(), i * S * obs, s0, i * obs, obs);
        float[] pred = m.inference().decodeChain(s0, z, n, 1);
        double se = 0, end = 0;
        for (int i = 0; i < n; i++) {
            for (int t = 0; t < T; t++)
                for (int j = 0; j < obs; j++) {
                    double d = pred[(i * T + t) * obs + j] - b.states()[(i * S + t + 1) * obs + j];
                    se += d * d;
                }
            double dx = pred[(i * T + T - 1) * obs] - b.states()[(i * S + T) * obs];
            double dy = pred[(i * T + T - 1) * obs + 1] - b.states()[(i * S + T) * obs + 1];
            end += Math.sqrt(dx * dx + dy * dy);
        }
        return new double[] {se / (n * T * obs), end / n};
    }

    /** Fraction of (s_t, a_t) pairs, t = 0..T, where the policy decoder's argmax equals the data's action (z = encoder mean). */
    public static double bcAccuracy(Sectar m, SegmentBatch b) {
        int n = b.batch(), S = m.steps() + 1, obs = m.obsDim(), L = m.latentDim(), A = m.actionSize();
        float[] mu = encoderMean(m, b);
        float[] s = new float[n * S * obs], z = new float[n * S * L];
        for (int i = 0; i < n * S; i++) {
            System.arraycopy(b.states(), i * obs, s, i * obs, obs);
            System.arraycopy(mu, (i / S) * L, z, i * L, L);
        }
        float[] p = m.inference().policyOutput(s, z, n * S);
        int correct = 0;
        for (int i = 0; i < n * S; i++) {
            int best = 0;
            for (int k = 1; k < A; k++) if (p[i * A + k] > p[i * A + best]) best = k;
            if (b.actions()[i * A + best] == 1) correct++;
        }
        return correct / (double) (n * S);
    }
}
