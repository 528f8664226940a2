package sectar.agent.loop;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import sectar.agent.data.NoveltyRewards;
import sectar.agent.data.Segment;
import sectar.agent.data.SegmentCutter;
import sectar.agent.nn.ParamStore;
import sectar.agent.nn.PolicyNet;
import sectar.agent.rl.Gae;
import sectar.agent.rl.Ppo;
import sectar.agent.rl.PpoConfig;
import sectar.agent.rl.PpoStats;
import sectar.agent.rl.RolloutBatch;
import sectar.agent.vae.Sectar;
import sectar.sim.Env;
import sectar.sim.Step;
import sectar.sim.TaskSpec;

/**
 * SeCTAR's explorer (spec 4.3): a state-only policy that starts from states the MPC visited and is
 * trained by PPO (zero baseline) on a sparse novelty reward, the negative ELBO of each of its segments
 * under the current trajectory VAE. Its segments are the only data the VAE learns from.
 */
public final class Explorer {
    private final ExplorerConfig cfg;
    private final TaskSpec spec;
    private final ParamStore store;
    private final PolicyNet policy;
    private final Ppo ppo;
    private final StateNovelty novelty;
    private final PpoConfig ppoConfig;
    private int resets;

    public Explorer(ExplorerConfig cfg, PpoConfig ppo, TaskSpec spec, boolean doublePrecision, SplittableRandom init) {
        this.cfg = cfg;
        this.spec = spec;
        this.store = new ParamStore(doublePrecision);
        this.policy = spec.discrete()
                ? PolicyNet.categorical(store, "explorer", spec.obsDim(), cfg.hidden(), spec.actionSize(), init)
                : PolicyNet.gaussian(store, "explorer", spec.obsDim(), cfg.hidden(), spec.actionSize(), cfg.initLogStd(), init);
        this.ppo = new Ppo(policy, ppo.withEntropyBonus(cfg.entropyBonus()), init.split());
        this.ppoConfig = ppo;
        if (cfg.ouTheta() > 0 && spec.discrete())
            throw new IllegalArgumentException("explorer.ouTheta " + cfg.ouTheta() + " needs a continuous explorer; task "
                    + spec.name() + " has discrete actions (set it to 0)");
        this.novelty = cfg.rndWeight() > 0 ? new StateNovelty(spec.obsDim(), cfg.rnd(), ppo.adamEps(), init.split()) : null;
    }

    /** The state-novelty bonus (the {@code rndWeight} lever), or null when it is off. */
    public StateNovelty novelty() { return novelty; }

    public PolicyNet policy() { return policy; }

    public ParamStore store() { return store; }

    public Ppo ppo() { return ppo; }

    /** Times the explorer was re-initialised for low entropy. */
    public int resets() { return resets; }

    public void setResets(int r) { resets = r; }

    /**
     * Rollouts of one iteration: experience for PPO and the cut segments for the buffers.
     *
     * @param states  every rollout's states, L + 1 each
     * @param actions every rollout's actions, L each (a held action repeats)
     * @param logps   log-probability of each action at the step it was sampled (0 on held steps)
     * @param entropy the policy's mean action entropy over the states it sampled from, as collected
     *                (before this iteration's update): what the released reset rule reads
     */
    public record Rollouts(List<List<double[]>> states, List<List<double[]>> actions, List<double[]> logps,
                           List<Segment> segments, long envSteps, double entropy) {}

    /**
     * Runs N_e rollouts of L = (T+1) K_e - 1 steps, each from a start drawn from {@code visited}
     * (without replacement when there are enough). The policy samples on every {@code repeat}-th step
     * and the action is held in between; with {@code ouTheta} > 0 its noise is correlated across a
     * rollout's decisions ({@link OuNoise}).
     */
    public Rollouts collect(Env env, List<double[]> visited, SplittableRandom rng) { return collect(env, visited, List.of(), rng); }

    /**
     * As {@link #collect(Env, List, SplittableRandom)} with the {@code archived} starts (the
     * {@code archiveStarts} lever) in place of as many draws from {@code visited}; they run last.
     */
    public Rollouts collect(Env env, List<double[]> visited, List<double[]> archived, SplittableRandom rng) {
        int t = spec.segmentLength(), len = NoveltyRewards.rolloutLength(t, cfg.segments()), repeat = cfg.repeat();
        if (archived.size() > cfg.starts())
            throw new IllegalArgumentException(archived.size() + " archive starts for " + cfg.starts() + " explorer starts");
        List<double[]> starts = new ArrayList<>();
        for (int pick : pickStarts(visited.size(), cfg.starts() - archived.size(), rng)) starts.add(visited.get(pick));
        starts.addAll(archived);
        List<List<double[]>> allStates = new ArrayList<>(), allActions = new ArrayList<>();
        List<double[]> allLogps = new ArrayList<>();
        List<Segment> segments = new ArrayList<>();
        for (double[] start : starts) {
            double[] obs = env.resetTo(start, 0);
            List<double[]> states = new ArrayList<>(List.of(obs)), actions = new ArrayList<>();
            List<float[]> encoded = new ArrayList<>();
            double[] logp = new double[len];
            double[] a = null;
            OuNoise ou = cfg.ouTheta() > 0 ? new OuNoise(spec.actionSize(), cfg.ouTheta()) : null;
            for (int i = 0; i < len; i++) {
                if (i % repeat == 0) {
                    // OU noise is the Gaussian's standard-normal draw: the action is a sample of the policy at
                    // this state and its log-probability under it is what PPO's ratio needs
                    a = ou == null ? policy.act(obs, rng) : policy.actWithNoise(obs, ou.next(rng));
                    logp[i] = policy.logProb(obs, a);
                }
                Step s = env.step(a);
                if (s.terminated()) env.resetTo(s.observation(), 0); // the stage means nothing to the explorer
                obs = s.observation();
                states.add(obs);
                actions.add(a);
                encoded.add(spec.encodeAction(a));
            }
            for (Segment seg : SegmentCutter.cut(states, encoded, t, cfg.segments())) segments.add(seg);
            allStates.add(states);
            allActions.add(actions);
            allLogps.add(logp);
        }
        return new Rollouts(allStates, allActions, allLogps, segments, (long) starts.size() * len,
                collectedEntropy(allStates, len));
    }

    /** Decisions of a rollout of {@code len} steps when each action is held {@code repeat} steps. */
    static int decisions(int len, int repeat) { return (len + repeat - 1) / repeat; }

    /** Mean entropy of the current policy over the states every rollout of {@code len} steps sampled from (one batched pass). */
    private double collectedEntropy(List<List<double[]>> states, int len) {
        int repeat = cfg.repeat(), decisions = decisions(len, repeat);
        double[][] inputs = new double[states.size() * decisions][];
        int o = 0;
        for (List<double[]> roll : states) for (int d = 0; d < decisions; d++) inputs[o++] = roll.get(d * repeat);
        double sum = 0;
        for (double h : policy.entropies(inputs)) sum += h;
        return sum / inputs.length;
    }

    /**
     * The released reset (spec 4.3): when the batch's entropy as collected is below the threshold, the
     * linear weights are re-drawn; biases and the optimiser's state are kept.
     *
     * @return whether the explorer was reset
     */
    public boolean maybeReset(Rollouts r, SplittableRandom rng) {
        if (!(r.entropy() < cfg.resetEntropy())) return false;
        policy.redrawWeights(rng);
        resets++;
        return true;
    }

    /**
     * The state-novelty bonus of every step of {@code r} (before the predictor sees them), after which the
     * predictor trains on the rollouts' states with PPO's epochs and minibatch; null when the lever is off.
     */
    public StateBonus stateBonus(Rollouts r, SplittableRandom rng) {
        if (novelty == null) return null;
        double[][] b = novelty.bonus(r.states());
        double sum = 0;
        int n = 0;
        for (double[] row : b)
            for (double v : row) {
                sum += v;
                n++;
            }
        double loss = novelty.train(r.states(), ppoConfig.epochs(), ppoConfig.minibatch(), rng);
        return new StateBonus(b, sum / n, loss);
    }

    /**
     * @param perStep       scaled bonus of each rollout's each step (before the weight)
     * @param mean          its mean over all steps
     * @param predictorLoss the predictor's mean loss while it trained on these states
     */
    public record StateBonus(double[][] perStep, double mean, double predictorLoss) {}

    /** {@link #update(Rollouts, StateBonus, Sectar, SplittableRandom)} without a state bonus. */
    public Update update(Rollouts r, Sectar model, SplittableRandom rng) { return update(r, null, model, rng); }

    /**
     * Rewards each rollout with its segments' negative ELBO (KL weight 1) under {@code model}, placed
     * on the segment boundaries, plus {@code rndWeight} times the state bonus of each step when given, and
     * takes one PPO step (the reset is {@link #maybeReset}).
     *
     * @return the PPO stats and the mean novelty bonus per segment
     */
    public Update update(Rollouts r, StateBonus stateBonus, Sectar model, SplittableRandom rng) {
        int k = cfg.segments(), t = spec.segmentLength(), obsDim = spec.obsDim();
        int n = r.segments().size();
        float[] seg = new float[n * (t + 1) * obsDim];
        for (int i = 0; i < n; i++) System.arraycopy(r.segments().get(i).states(), 0, seg, i * (t + 1) * obsDim, (t + 1) * obsDim);
        float[] bonus = model.inference().negElbo(seg, n, rng.split());
        NonFiniteLossException.check("the explorer's novelty bonus (negative ELBO)", bonus);
        int len = NoveltyRewards.rolloutLength(t, k), rollouts = r.states().size();
        int repeat = cfg.repeat(), dec = decisions(len, repeat);
        // PPO sees one step per decision; a decision's reward is the sum over the steps it was held
        double[][] inputs = new double[rollouts * dec][], actions = new double[rollouts * dec][];
        double[] rewards = new double[rollouts * dec], logp = new double[rollouts * dec];
        double[] stateRewards = stateBonus == null ? null : new double[rollouts * dec];
        int[] lengths = new int[rollouts];
        double bonusSum = 0;
        for (int j = 0; j < rollouts; j++) {
            double[] b = new double[k];
            for (int s = 0; s < k; s++) {
                b[s] = bonus[j * k + s];
                bonusSum += b[s];
            }
            double[] placed = NoveltyRewards.place(b, t);
            for (int i = 0; i < len; i++) {
                int o = j * dec + i / repeat;
                if (i % repeat == 0) {
                    inputs[o] = r.states().get(j).get(i);
                    actions[o] = r.actions().get(j).get(i);
                    logp[o] = r.logps().get(j)[i];
                }
                rewards[o] += placed[i];
                if (stateRewards != null) stateRewards[o] += stateBonus.perStep()[j][i];
            }
            lengths[j] = dec;
        }
        RolloutBatch batch = new RolloutBatch(inputs, actions, rewards, lengths, logp);
        PpoStats stats = stateRewards == null ? ppo.update(batch, rng.split()) : updateWithStateBonus(batch, stateRewards, rng.split());
        return new Update(stats, bonusSum / n);
    }

    /**
     * PPO on {@code normalise(A_segment) + rndWeight * normalise(A_state)}: the two bonuses' advantages are
     * each normalised over the batch first, so the weight says how much the state bonus counts against the
     * segment bonus whatever their scales (a segment's negative ELBO is in the hundreds on wheeled, the
     * scaled state bonus about 0.01 a step). The segment advantage is the released one (PPO's discount,
     * GAE and baseline); the state bonus's uses RND's own discount and no baseline.
     */
    private PpoStats updateWithStateBonus(RolloutBatch batch, double[] stateRewards, SplittableRandom shuffles) {
        PpoConfig p = ppoConfig;
        double[] values = ppo.valueOf(batch.inputs(), null);
        double[] aSeg = Gae.advantages(batch.rewards(), values, null, batch.lengths(), p.gamma(), p.lambda());
        double[] returns = Gae.returns(aSeg, values);
        double[] aState = Gae.normalise(Gae.advantages(stateRewards, null, null, batch.lengths(), cfg.rnd().intrinsicGamma(), p.lambda()));
        double[] adv = Gae.normalise(aSeg);
        for (int i = 0; i < adv.length; i++) adv[i] += cfg.rndWeight() * aState[i];
        return ppo.update(batch, adv, shuffles,
                ppo.valueNet() == null ? rows -> 0 : rows -> ppo.valueNet().step(batch.inputs(), rows, returns));
    }

    /**
     * @param stats the PPO update's statistics
     * @param bonus mean novelty bonus (negative ELBO) per segment
     */
    public record Update(PpoStats stats, double bonus) {}

    /** N_e start indices: without replacement when there are enough candidates, else with. */
    static int[] pickStarts(int available, int wanted, SplittableRandom rng) {
        if (available == 0) throw new IllegalStateException("the explorer needs at least one visited state");
        int[] out = new int[wanted];
        if (available >= wanted) {
            int[] p = new int[available];
            for (int i = 0; i < available; i++) p[i] = i;
            for (int i = 0; i < wanted; i++) {
                int j = i + rng.nextInt(available - i);
                int tmp = p[i];
                p[i] = p[j];
                p[j] = tmp;
                out[i] = p[i];
            }
        } else {
            for (int i = 0; i < wanted; i++) out[i] = rng.nextInt(available);
        }
        return out;
    }
}
