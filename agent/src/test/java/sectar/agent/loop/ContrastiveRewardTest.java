package sectar.agent.loop;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import sectar.agent.Fixtures;
import sectar.agent.api.LatentPrior;
import sectar.agent.vae.Sectar;

/** The contrastive consistency reward pays for landing where the executed latent, not another, predicts. */
class ContrastiveRewardTest {
    static final int OBS = 3, ACT = 2, T = 6, K = 8;

    @Test
    void landingWhereTheOwnLatentPredictsPaysMoreThanLandingWhereAnotherDoes() {
        Sectar model = new Sectar(Fixtures.sectar(16, 16, 4), OBS, ACT, false, T, false, new SplittableRandom(3));
        int lat = model.latentDim();
        float[] s0 = {0.2f, -0.1f, 0.3f, 0.2f, -0.1f, 0.3f};
        float[] zA = new float[lat], zB = new float[lat];
        for (int j = 0; j < lat; j++) {
            zA[j] = 3f * (j % 2 == 0 ? 1 : -1);
            zB[j] = -zA[j];
        }
        float[] whereA = model.inference().decodeChain(new float[] {0.2f, -0.1f, 0.3f}, zA, 1, 1);
        float[] whereB = model.inference().decodeChain(new float[] {0.2f, -0.1f, 0.3f}, zB, 1, 1);
        // rollout 0 executed zA and landed where zA predicts; rollout 1 executed zA but landed where zB predicts
        float[] z = new float[2 * lat], reached = new float[2 * T * OBS];
        System.arraycopy(zA, 0, z, 0, lat);
        System.arraycopy(zA, 0, z, lat, lat);
        System.arraycopy(whereA, 0, reached, 0, T * OBS);
        System.arraycopy(whereB, 0, reached, T * OBS, T * OBS);
        float[] own = model.inference().stateLogDensity(s0, z, reached, 2);
        double[] r = ContrastiveReward.of(model, s0, z, reached, own, 2, K, LatentPrior.standardNormal(lat), new SplittableRandom(4));
        double onTarget = 0, offTarget = 0;
        for (int t = 0; t < T; t++) {
            onTarget += r[t] / T;
            offTarget += r[T + t] / T;
            for (int i : new int[] {t, T + t})
                assertTrue(r[i] <= Math.log(K + 1) + 1e-9, "the reward is bounded by log(K + 1): " + r[i]);
        }
        assertTrue(onTarget > offTarget + 0.1, "on target " + onTarget + " against off target " + offTarget);
        assertTrue(onTarget > 0, "the own latent explains its landing better than the prior's average: " + onTarget);
    }

    @Test
    void noOtherLatentIsRefused() {
        Sectar model = new Sectar(Fixtures.sectar(8, 8, 4), OBS, ACT, false, T, false, new SplittableRandom(3));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ContrastiveReward.of(model, new float[OBS],
                new float[model.latentDim()], new float[T * OBS], new float[T], 1, 0, LatentPrior.standardNormal(model.latentDim()),
                new SplittableRandom(1)));
        assertTrue(e.getMessage().contains("got 0"), e.getMessage());
    }
}
