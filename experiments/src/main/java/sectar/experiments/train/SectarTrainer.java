package sectar.experiments.train;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import sectar.agent.data.Segment;
import sectar.agent.data.SegmentBuffer;
import sectar.agent.loop.Consistency;
import sectar.agent.loop.Explorer;
import sectar.agent.loop.NonFiniteLossException;
import sectar.agent.loop.SectarModels;
import sectar.agent.vae.Losses;
import sectar.agent.vae.Sectar;
import sectar.agent.vae.SegmentBatch;
import sectar.planner.LatentMpc;
import sectar.planner.MpcRollout;
import sectar.planner.PlanScorer;
import sectar.sim.Env;
import sectar.sim.Seeds;
import sectar.sim.Space;
import sectar.sim.TaskSpec;
import sectar.sim.Tasks;

/**
 * SeCTAR's outer loop (Co-Reyes et al., ICML 2018; spec section 7), one {@link #iterate()} per
 * iteration:
 * <ol>
 *   <li>MPC in latent space from the task's start (the headline return), collecting visited states;</li>
 *   <li>explorer rollouts from those states, cut into segments (90% replay, 10% validation), then, from
 *       the second iteration on, one PPO step of the explorer on the novelty reward of the model as it
 *       was before this iteration's training;</li>
 *   <li>model training: {@code vaePasses} x (up to {@code vaeStepsPerPass} VAE+BC minibatch steps,
 *       validation losses, one policy-decoder consistency update).</li>
 * </ol>
 * Every random stream is derived from the run seed, the iteration and a name, so a run restored from
 * a checkpoint continues exactly as the uninterrupted one would have.
 */
public final class SectarTrainer {
    final SectarRunConfig cfg;
    final TaskSpec spec;
    final Sectar model;
    final Explorer explorer;
    final Consistency consistency;
    final SegmentBuffer replay;
    final SegmentBuffer validation;
    private final Env env;
    private final PlanScorer scorer;
    int iteration;
    long envSteps;
    double wallSeconds;

    public SectarTrainer(SectarRunConfig cfg) {
        this.cfg = cfg;
        this.spec = Tasks.spec(cfg.task(), cfg.instance());
        this.model = new Sectar(cfg.model(), spec, Seeds.rng(cfg.seed(), "init/model"));
        this.explorer = new Explorer(cfg.explorer(), cfg.ppo(), spec, false, Seeds.rng(cfg.seed(), "init/explorer"));
        this.consistency = new Consistency(model, cfg.ppo(), cfg.consistencyRollouts(), Seeds.rng(cfg.seed(), "init/consistency"));
        this.replay = new SegmentBuffer(cfg.replayCapacity());
        this.validation = new SegmentBuffer(cfg.validationCapacity());
        this.env = newEnv();
        this.scorer = new PlanScorer(spec.reward(), cfg.mpc().gamma(), cfg.mpc().progressWeight(), arenaWidth(spec));
    }

    /** An unwrapped env of the run's task instance (segments reset it to arbitrary states). */
    Env newEnv() { return Tasks.entry(spec.name()).env().apply(spec); }

    public Sectar model() { return model; }

    public PlanScorer scorer() { return scorer; }

    public int iteration() { return iteration; }

    public long envSteps() { return envSteps; }

    /** The width of the arena along the rewarded coordinate: the never-blind score's distance unit. */
    static double arenaWidth(TaskSpec spec) {
        Space.Box box = (Space.Box) spec.observationSpace();
        int x = spec.reward().xIndex(0);
        double w = box.high()[x] - box.low()[x];
        return Double.isFinite(w) && w > 0 ? w : 5.0;
    }

    private SplittableRandom rng(String name) { return Seeds.rng(cfg.seed(), "iter/" + iteration + "/" + name); }

    /** Runs the next iteration and returns its metrics row. */
    public Map<String, Object> iterate() {
        long start = System.nanoTime();
        iteration++;
        // (a) task-directed data: latent MPC with the current model
        long t0 = System.nanoTime();
        MpcRollout mpc = runMpc(cfg.mpc().episodes(), Seeds.derive(cfg.seed(), "iter/" + iteration + "/mpc"));
        envSteps += mpc.envSteps();
        double mpcSeconds = seconds(t0);
        // (b) exploration
        t0 = System.nanoTime();
        Explorer.Rollouts roll = explorer.collect(env, mpc.segmentStarts(), rng("explore"));
        envSteps += roll.envSteps();
        List<Segment> segs = roll.segments();
        int toReplay = (int) Math.round(segs.size() * 0.9);
        for (int i = 0; i < segs.size(); i++) (i < toReplay ? replay : validation).add(segs.get(i));
        Explorer.Update ex = iteration > 1 ? explorer.update(roll, model, rng("explorer-update")) : null;
        double exploreSeconds = seconds(t0);
        // (c) model training interleaved with consistency updates
        double modelSeconds = 0, consistencySeconds = 0, density = 0;
        Losses train = null, valid = null;
        for (int pass = 0; pass < cfg.vaePasses(); pass++) {
            t0 = System.nanoTime();
            SplittableRandom r = rng("vae/" + pass);
            for (int[] idx : replay.epoch(cfg.model().batchSize(), cfg.vaeStepsPerPass(), r)) {
                train = model.trainStep(batch(replay, idx), r);
                if (!Double.isFinite(train.total()))
                    throw new NonFiniteLossException("iteration " + iteration + ": the VAE loss became " + train.total()
                            + " (nll " + train.nll() + ", kl " + train.kl() + ", bc " + train.bc() + ")");
            }
            valid = validate(r);
            modelSeconds += seconds(t0);
            t0 = System.nanoTime();
            Consistency.Update c = consistency.update(env, replay, rng("consistency/" + pass));
            envSteps += c.envSteps();
            density += c.meanLogDensity() / cfg.vaePasses();
            consistencySeconds += seconds(t0);
        }
        wallSeconds += seconds(start);
        return row(mpc, ex, train, valid, density, mpcSeconds, exploreSeconds, modelSeconds, consistencySeconds);
    }

    /** M MPC episodes with the current model from the task's start. */
    public MpcRollout runMpc(int episodes, long seed) {
        return new LatentMpc(cfg.mpc().withEpisodes(episodes))
                .run(this::newEnv, SectarModels.stateModel(model), SectarModels.policy(model.policy()), scorer, seed);
    }

    private Losses validate(SplittableRandom r) {
        if (validation.size() == 0) return null;
        int b = Math.min(cfg.validationBatch(), validation.size());
        double total = 0, nll = 0, kl = 0, bc = 0, mse = 0;
        int n = 0;
        for (int[] idx : validation.epoch(b, cfg.validationBatches(), r)) {
            Losses l = model.evaluate(batch(validation, idx), r);
            total += l.total();
            nll += l.nll();
            kl += l.kl();
            bc += l.bc();
            mse += l.mse();
            n++;
        }
        return n == 0 ? null : new Losses(total / n, nll / n, kl / n, bc / n, mse / n);
    }

    /** The segments at {@code idx} as one minibatch. */
    static SegmentBatch batch(SegmentBuffer buf, int[] idx) {
        Segment first = buf.get(idx[0]);
        int s = first.states().length, a = first.actions().length;
        float[] states = new float[idx.length * s], actions = new float[idx.length * a];
        for (int i = 0; i < idx.length; i++) {
            Segment seg = buf.get(idx[i]);
            System.arraycopy(seg.states(), 0, states, i * s, s);
            System.arraycopy(seg.actions(), 0, actions, i * a, a);
        }
        return new SegmentBatch(states, actions, idx.length);
    }

    private Map<String, Object> row(MpcRollout mpc, Explorer.Update ex, Losses train, Losses valid, double density,
                                    double mpcS, double exS, double modelS, double consS) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("iteration", iteration);
        row.put("env_steps", envSteps);
        row.put("wall_s", wallSeconds);
        row.put("return", mpc.meanReturn());
        row.put("success", mpc.successRate(spec.numGoals()));
        row.put("stage", mpc.meanStage());
        row.put("vae_nll", train == null ? Double.NaN : train.nll());
        row.put("vae_kl", train == null ? Double.NaN : train.kl());
        row.put("vae_bc", train == null ? Double.NaN : train.bc());
        row.put("vae_mse", train == null ? Double.NaN : train.mse());
        row.put("val_nll", valid == null ? Double.NaN : valid.nll());
        row.put("val_mse", valid == null ? Double.NaN : valid.mse());
        row.put("consistency_reward", density);
        row.put("explorer_bonus", ex == null ? Double.NaN : ex.bonus());
        row.put("explorer_entropy", ex == null ? Double.NaN : ex.stats().entropy());
        row.put("explorer_resets", explorer.resets());
        row.put("replay_size", replay.size());
        row.put("time_mpc_s", mpcS);
        row.put("time_explorer_s", exS);
        row.put("time_model_s", modelS);
        row.put("time_consistency_s", consS);
        return row;
    }

    private static double seconds(long from) { return (System.nanoTime() - from) / 1e9; }
}
