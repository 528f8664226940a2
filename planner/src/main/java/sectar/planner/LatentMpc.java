package sectar.planner;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Supplier;
import sectar.agent.api.LatentPolicy;
import sectar.agent.api.LatentPrior;
import sectar.agent.api.LatentStateModel;
import sectar.sim.Env;
import sectar.sim.Seeds;
import sectar.sim.Step;

/**
 * SeCTAR's hierarchical controller (spec section 6): M episodes in parallel from the task's start;
 * at every segment boundary all M plans are searched in batched model calls, then each episode's
 * environment is reset to its real state and the policy decoder executes the first latent of its
 * best plan for T steps (receding horizon; {@code executeSteps} < T replans more often). Rewards and
 * stages come from the real states. With {@code priorPenalty} > 0 every candidate's score pays for its
 * distance from the planning prior (the trust region, {@link CandidateEvaluator}).
 */
public final class LatentMpc {
    private final MpcConfig config;
    private final LatentSearch search;
    private final LatentPrior prior;

    public LatentMpc(MpcConfig config) {
        this(config, config.newSearch(), null);
    }

    /** The configured search proposing from {@code prior} (null: the released N(0, I)). */
    public LatentMpc(MpcConfig config, LatentPrior prior) {
        this(config, config.newSearch(), prior);
    }

    public LatentMpc(MpcConfig config, LatentSearch search, LatentPrior prior) {
        this.config = config;
        this.search = search;
        this.prior = prior;
    }

    /**
     * Runs M episodes.
     *
     * @param envs   makes an unwrapped environment of the task (one per episode)
     * @param model  the state model the plans are searched with
     * @param policy executes a latent for T steps
     * @param scorer the plan score
     * @param seed   this batch's seed: env starts, planning and action sampling derive from it by name
     */
    public MpcRollout run(Supplier<Env> envs, LatentStateModel model, LatentPolicy policy, PlanScorer scorer, long seed) {
        int m = config.episodes();
        double[][] starts = new double[m][];
        for (int i = 0; i < m; i++) starts[i] = envs.get().reset(Seeds.derive(seed, "mpc/env/" + i));
        return runFrom(envs, model, policy, scorer, seed, starts, new int[m]);
    }

    /** Runs one episode from each given state and stage (config.episodes() is ignored). */
    public MpcRollout runFrom(Supplier<Env> envs, LatentStateModel model, LatentPolicy policy, PlanScorer scorer,
                              long seed, double[][] startStates, int[] startStages) {
        int m = startStates.length, k = config.segments(), t = model.segmentLength(), lat = model.latentDim();
        Env[] env = new Env[m];
        double[][] state = new double[m][];
        int[] stage = startStages.clone();
        double[] returns = new double[m];
        List<MpcRollout.Trace> traces = new ArrayList<>();
        SplittableRandom[] actRng = new SplittableRandom[m];
        for (int i = 0; i < m; i++) {
            env[i] = envs.get();
            state[i] = env[i].resetTo(startStates[i], stage[i]);
            actRng[i] = Seeds.rng(seed, "mpc/act/" + i);
            traces.add(new MpcRollout.Trace(new ArrayList<>(List.of(state[i].clone())), new ArrayList<>(), new ArrayList<>(),
                    new ArrayList<>(), new ArrayList<>(), new ArrayList<>(), new ArrayList<>(List.of(stage[i]))));
        }
        int numGoals = env[0].spec().numGoals();
        SplittableRandom planRng = Seeds.rng(seed, "mpc/plan");
        LatentPrior planPrior = prior == null ? LatentPrior.standardNormal(lat) : prior;
        PlanScorer planScorer = scorer.withPriorPenalty(config.priorPenalty());
        List<double[]> starts = new ArrayList<>();
        long steps = 0;
        PlanStats stats = PlanStats.NONE;
        int length = k * t, exec = config.executeSteps() == 0 ? t : Math.min(config.executeSteps(), t);
        for (int done = 0; done < length; done += exec) {
            int run = Math.min(exec, length - done), h = Math.min(config.horizon(), (length - done + t - 1) / t);
            LatentSearch.Plan[] plans = search.plan(model, planPrior, planScorer, state, stage, h, planRng);
            double[] logPrior = logPriors(planPrior, state, plans, model, h);
            for (int i = 0; i < m; i++) {
                if (stage[i] >= numGoals) continue; // finished: nothing left to collect
                starts.add(state[i].clone());
                float[] z = new float[lat];
                System.arraycopy(plans[i].latents(), 0, z, 0, lat);
                float[] predicted = new float[t * model.obsDim()];
                System.arraycopy(plans[i].predicted(), 0, predicted, 0, predicted.length);
                MpcRollout.Trace tr = traces.get(i);
                tr.chunkStarts().add(tr.executed().size() - 1);
                tr.predicted().add(predicted);
                tr.latents().add(z);
                env[i].resetTo(state[i], stage[i]);
                int stageBefore = stage[i], taken = 0;
                for (int j = 0; j < run; j++) {
                    double[] a = policy.act(state[i], z, actRng[i]);
                    Step s = env[i].step(a);
                    steps++;
                    taken++;
                    returns[i] += s.reward();
                    state[i] = s.observation();
                    stage[i] = s.stage();
                    tr.executed().add(state[i].clone());
                    tr.actions().add(a);
                    tr.stages().add(stage[i]);
                    if (s.terminated()) break;
                }
                tr.gains().add(stage[i] - stageBefore);
                stats = stats.plus(plans[i].blind(), plans[i].score(), distance(predicted, (taken - 1) * model.obsDim(), state[i]),
                        stage[i] - stageBefore, logPrior[i]);
            }
        }
        return new MpcRollout(returns, stage, starts, traces, steps, stats);
    }

    /** Each chosen plan's log-prior under the planning prior (the trust region's measure), summed over its h latents. */
    private static double[] logPriors(LatentPrior prior, double[][] starts, LatentSearch.Plan[] plans, LatentStateModel model, int h) {
        int m = plans.length, obs = model.obsDim(), t = model.segmentLength(), dim = h * model.latentDim(), pred = h * t * obs;
        float[] s0 = new float[m * obs], z = new float[m * dim], predicted = new float[m * pred];
        for (int p = 0; p < m; p++) {
            for (int d = 0; d < obs; d++) s0[p * obs + d] = (float) starts[p][d];
            System.arraycopy(plans[p].latents(), 0, z, p * dim, dim);
            System.arraycopy(plans[p].predicted(), 0, predicted, p * pred, pred);
        }
        double[] out = new double[m];
        PlanPrior.logPrior(prior, s0, z, predicted, m, h, t, obs, out, 0);
        return out;
    }

    /** Euclidean distance between the predicted state at {@code offset} and a real state. */
    private static double distance(float[] predicted, int offset, double[] real) {
        double ss = 0;
        for (int d = 0; d < real.length; d++) {
            double diff = predicted[offset + d] - real[d];
            ss += diff * diff;
        }
        return Math.sqrt(ss);
    }
}
