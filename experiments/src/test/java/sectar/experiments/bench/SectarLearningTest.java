package sectar.experiments.bench;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The VAE learns waypoint segments ({@link VaeQuality}: 80% expert, 20% random walk, uniform starts and
 * stages): the held-out reconstruction MSE falls >= 10x, and the latent carries the segment, judged
 * against baselines on the same trained model rather than absolute targets a CPU-minute does not reach
 * ({@code sectar bench vae} reports those): held-out expert end states are at most half as far off as
 * when decoded with the prior's mean z = 0, and the policy decoder's argmax accuracy is >= 2x chance.
 * End errors use expert segments only, since a random walk's 19 independent actions carry ~38 bits an
 * 8-d latent at KL weight 2 cannot hold. The model is trained once per class.
 */
@Tag("learning")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SectarLearningTest {
    private VaeQuality.Result r;

    @BeforeAll
    void train() {
        r = VaeQuality.run(Integer.getInteger("sectar.test.vaeSteps", VaeQuality.DEFAULT_STEPS));
        System.out.println(r + String.format(" mse ratio %.1fx", r.mseRatio()));
    }

    @Test
    void reconstructionErrorFallsTenfold() {
        assertTrue(r.mseAfter() <= r.mseBefore() / 10, r.toString());
    }

    @Test
    void heldOutExpertEndStatesBeatThePriorMean() {
        assertTrue(r.endError() <= 0.5 * r.endErrorPrior(), r.toString());
    }

    @Test
    void policyDecoderBeatsChanceTwofold() {
        assertTrue(r.bcAccuracy() >= 2 * r.chanceAccuracy(), r.toString());
    }
}
