package sectar.agent.vae;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import sectar.sim.Seeds;

/**
 * The VAE learns waypoint segments (expert and random walk): reconstruction MSE of the free-running
 * state decoder falls >= 10x, held-out reconstructions end within 0.2 of the true end state on average,
 * and the policy decoder imitates held-out expert segments with >= 90% accuracy.
 */
@Tag("learning")
class SectarLearningTest {

    @Disabled("not passing: 2000 steps (batch 64, cpu preset, ~76 s at load 3) reach MSE 1.61 -> 0.065 (25x) but end-state"
            + " error 0.36 and expert BC accuracy 0.66 (targets 0.2 and 0.9); both plateau from step ~500 (KL ~4.4 nats,"
            + " BC NLL ~0.87) at lr 1e-3 and 3e-3 alike. 51% of the waypoint expert's steps lie within 0.2 of the"
            + " |dx| = |dy| diagonal through the goal, where its greedy rule alternates x/y moves (48% of steps change"
            + " action), so the action flips with sub-step position relative to the goal; see the perf report")
    @Test
    void vaeLearnsWaypointSegmentsAndPolicyDecoderImitatesTheExpert() {
        long seed = 7;
        SplittableRandom data = Seeds.rng(seed, "data");
        // 80% expert, 20% random-walk segments: a random walk's 19 independent actions carry ~38 bits that an
        // 8-d latent under KL weight 2 cannot hold, so its BC and end-state error stay high by construction
        SegmentBatch train = WaypointSegments.concat(WaypointSegments.make(2400, true, data),
                WaypointSegments.make(600, false, data));
        SegmentBatch heldExpert = WaypointSegments.make(160, true, data), heldRandom = WaypointSegments.make(40, false, data);
        SegmentBatch held = WaypointSegments.concat(heldExpert, heldRandom);
        SectarConfig cfg = SectarConfig.cpu().withBatchSize(64);
        Sectar m = new Sectar(cfg, Tasks2.WAYPOINT, Seeds.rng(seed, "init"));
        SplittableRandom noise = Seeds.rng(seed, "noise"), order = Seeds.rng(seed, "order");
        double mse0 = reconstruction(m, held)[0];
        long t0 = System.nanoTime();
        int steps = Integer.getInteger("sectar.test.vaeSteps", 2000), B = cfg.batchSize(), n = train.batch();
        Losses last = null;
        for (int i = 0; i < steps; i++) {
            last = m.trainStep(WaypointSegments.sample(train, B, order), noise);
        }
        double secs = (System.nanoTime() - t0) / 1e9;
        double[] rec = reconstruction(m, held);
        double acc = bcAccuracy(m, heldExpert);
        String msg = String.format("steps %d in %.1f s; last %s; held-out mse %.4f -> %.4f, end-state error %.3f, BC acc %.3f",
                steps, secs, last, mse0, rec[0], rec[1], acc);
        System.out.println(msg);
        assertTrue(rec[0] <= mse0 / 10, msg);
        assertTrue(rec[1] < 0.2, msg);
        assertTrue(acc >= 0.9, msg);
    }

    /** {mean squared error of the predicted means, mean distance of predicted to true end state}, z = encoder mean. */
    static double[] reconstruction(Sectar m, SegmentBatch b) {
        int n = b.batch(), T = m.steps(), S = T + 1, obs = m.obsDim(), L = m.latentDim();
        float[] mu = m.inference().encode(b.states(), n)[0];
        float[] s0 = new float[n * obs];
        for (int i = 0; i < n; i++) System.arraycopy(b.states(), i * S * obs, s0, i * obs, obs);
        float[] pred = m.inference().decodeChain(s0, mu, n, 1);
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

    /** Fraction of (s_t, a_t) pairs, t = 0..T, where the policy decoder's argmax equals the expert's action. */
    static double bcAccuracy(Sectar m, SegmentBatch b) {
        int n = b.batch(), S = m.steps() + 1, obs = m.obsDim(), L = m.latentDim(), A = m.actionSize();
        float[] mu = m.inference().encode(b.states(), n)[0];
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
