package sectar.experiments.train;

import static org.junit.jupiter.api.Assertions.*;

import org.junit.jupiter.api.Test;
import sectar.agent.vae.PolicyChunks;
import sectar.planner.MpcRollout;

/** The MPC's executed chunks are cut at its replans, each with the latent it executed. */
class MpcChunksTest {
    @Test
    void chunksFollowTheReplansAndCoverEveryExecutedStep() {
        SectarTrainer trainer = new SectarTrainer(TinySectar.config(3, 1, "mpc.executeSteps=7"));
        MpcRollout mpc = trainer.runMpc(2, 11);
        int obs = trainer.model().obsDim(), lat = trainer.model().latentDim(), T = trainer.model().steps();
        PolicyChunks c = MpcChunks.of(mpc, obs, lat, T);
        long steps = 0;
        int k = 0;
        for (MpcRollout.Trace tr : mpc.traces())
            for (int j = 0; j < tr.chunkStarts().size(); j++, k++) {
                int from = tr.chunkStarts().get(j), len = c.lengths()[k];
                assertTrue(len >= 1 && len <= 7, "chunk " + k + " ran " + len + " steps, replanning every 7");
                assertArrayEquals(tr.latents().get(j), java.util.Arrays.copyOfRange(c.z(), k * lat, (k + 1) * lat));
                for (int d = 0; d < obs; d++) {
                    assertEquals((float) tr.executed().get(from)[d], c.s0()[k * obs + d]);
                    assertEquals((float) tr.executed().get(from + len)[d], c.reached()[(k * T + len - 1) * obs + d], "chunk end");
                    assertEquals(0f, len < T ? c.reached()[(k * T + len) * obs + d] : 0f, "nothing past the chunk's end");
                }
                steps += len;
            }
        assertEquals(k, c.n());
        assertEquals(mpc.envSteps(), steps, "every executed step belongs to one chunk");
    }
}
