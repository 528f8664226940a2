package sectar.agent.loop;

import java.util.SplittableRandom;
import sectar.agent.api.LatentPrior;
import sectar.agent.data.SegmentBuffer;
import sectar.agent.nn.PolicyNet;
import sectar.agent.rl.Ppo;
import sectar.agent.rl.PpoConfig;
import sectar.agent.rl.PpoStats;
import sectar.agent.rl.RolloutBatch;
import sectar.agent.vae.PolicyChunks;
import sectar.agent.vae.Sectar;
import sectar.sim.Env;
import sectar.sim.Step;

/**
 * The self-consistency term (spec 4.2): the policy decoder, run with z from the prior from replay
 * start states, is rewarded per step with the state decoder's log-density of the state it actually
 * reached, and takes one PPO step (zero baseline, no entropy bonus, its own Adam). This minimises the
 * cross-entropy part of KL(p_pi(tau | z) || p_SD(tau | z)). The state decoder is not updated here.
 * With {@code contrast > 0} the reward is the {@link ContrastiveReward} instead (the project's lever).
 */
public final class Consistency {
    private final Sectar model;
    private final Ppo ppo;
    private final int rollouts;
    private final int contrast;

    /**
     * @param rollouts start states per update (released: 20)
     */
    public Consistency(Sectar model, PpoConfig ppo, int rollouts, SplittableRandom init) {
        this(model, ppo, rollouts, 0, init);
    }

    /**
     * @param contrast other latents per rollout of the {@link ContrastiveReward} that replaces the
     *                 released log-density reward; 0 = the released reward
     */
    public Consistency(Sectar model, PpoConfig ppo, int rollouts, int contrast, SplittableRandom init) {
        if (rollouts < 1) throw new IllegalArgumentException("consistency rollouts must be >= 1, got " + rollouts);
        if (contrast < 0) throw new IllegalArgumentException("consistencyContrast must be >= 0 (0 = the released reward), got " + contrast);
        this.model = model;
        this.ppo = new Ppo(model.policy(), ppo, init);
        this.rollouts = rollouts;
        this.contrast = contrast;
    }

    public Ppo ppo() { return ppo; }

    /**
     * @param stats         the PPO update's statistics
     * @param meanLogDensity mean per-step reward log p_SD(s_{t+1} | s_0, z)
     * @param envSteps      environment steps taken
     * @param rollouts      the rollouts the update was made on: start states, their latents and the T states
     *                      the policy decoder reached (what {@code decoderFit.consistency} fits the state
     *                      decoder to)
     */
    public record Update(PpoStats stats, double meanLogDensity, long envSteps, PolicyChunks rollouts) {}

    /** One update on fresh rollouts from start states sampled uniformly from {@code replay}, z from N(0, I). */
    public Update update(Env env, SegmentBuffer replay, SplittableRandom rng) {
        return update(env, replay, LatentPrior.standardNormal(model.latentDim()), rng);
    }

    /** As above with z drawn from {@code prior} at each start state. */
    public Update update(Env env, SegmentBuffer replay, LatentPrior prior, SplittableRandom rng) {
        int obs = model.obsDim(), lat = model.latentDim(), t = model.steps();
        PolicyNet pd = model.policy();
        int[] picks = replay.sample(rollouts, rng);
        float[] s0 = new float[rollouts * obs], z = new float[rollouts * lat], reached = new float[rollouts * t * obs];
        double[][] inputs = new double[rollouts * t][], actions = new double[rollouts * t][];
        double[] logp = new double[rollouts * t];
        for (int r = 0; r < rollouts; r++) {
            float[] start = replay.get(picks[r]).states();
            double[] s = new double[obs];
            for (int d = 0; d < obs; d++) {
                s[d] = start[d];
                s0[r * obs + d] = start[d];
            }
            prior.sample(start, 1, rng, z, r * lat, lat);
            s = env.resetTo(s, 0);
            for (int j = 0; j < t; j++) {
                double[] x = SectarModels.concat(s, z, r * lat, lat);
                double[] a = pd.act(x, rng);
                int o = r * t + j;
                inputs[o] = x;
                actions[o] = a;
                logp[o] = pd.logProb(x, a);
                Step st = env.step(a);
                if (st.terminated()) env.resetTo(st.observation(), 0);
                s = st.observation();
                for (int d = 0; d < obs; d++) reached[(r * t + j) * obs + d] = (float) s[d];
            }
        }
        float[] dens = model.inference().stateLogDensity(s0, z, reached, rollouts);
        NonFiniteLossException.check("the consistency reward (state-decoder log-density)", dens);
        double[] rewards = contrast > 0
                ? ContrastiveReward.of(model, s0, z, reached, dens, rollouts, contrast, prior, rng.split())
                : new double[rollouts * t];
        double sum = 0;
        for (int i = 0; i < rewards.length; i++) {
            if (contrast == 0) rewards[i] = dens[i];
            sum += dens[i];
        }
        int[] lengths = new int[rollouts];
        java.util.Arrays.fill(lengths, t);
        PpoStats stats = ppo.update(new RolloutBatch(inputs, actions, rewards, lengths, logp), rng.split());
        return new Update(stats, sum / rewards.length, (long) rollouts * t, PolicyChunks.full(rollouts, s0, z, reached, t));
    }
}
