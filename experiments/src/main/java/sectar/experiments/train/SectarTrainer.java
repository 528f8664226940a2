package sectar.experiments.train;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import sectar.agent.api.LatentPrior;
import sectar.agent.data.ExecutedSegments;
import sectar.agent.data.Segment;
import sectar.agent.data.SegmentBuffer;
import sectar.agent.io.Checkpoint;
import sectar.agent.loop.Consistency;
import sectar.agent.loop.Explorer;
import sectar.agent.loop.LearnedPrior;
import sectar.agent.loop.NonFiniteLossException;
import sectar.agent.loop.PriorConfig;
import sectar.agent.loop.PriorReach;
import sectar.agent.loop.SectarModels;
import sectar.agent.loop.StateArchive;
import sectar.agent.vae.DecoderFit;
import sectar.agent.vae.DecoderFitConfig;
import sectar.agent.vae.Losses;
import sectar.agent.vae.PolicyChunks;
import sectar.agent.vae.Sectar;
import sectar.agent.vae.SegmentBatch;
import sectar.planner.LatentMpc;
import sectar.planner.MpcRollout;
import sectar.planner.PlanScorer;
import sectar.sim.Env;
import sectar.sim.Seeds;
import sectar.sim.Space;
import sectar.sim.TaskSpec;
import sectar.sim.tasks.Tasks;

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
 * a checkpoint continues exactly as the uninterrupted one would have: the checkpoint holds the model
 * with its Adam, the policy decoder's and the explorer's PPO optimisers, the explorer's weights and
 * reset count, both buffers, the learned prior, the decoder fit's Adam and the explorer's levers' state
 * (the state-novelty networks and statistics, the archive of visited cells) (the loop adds the counters).
 * With {@code decoderFit} on, each pass ends with decoder-only steps on the policy decoder's executed
 * chunks ({@link DecoderFit}).
 */
public final class SectarTrainer implements Trainer {
    private final SectarRunConfig cfg;
    private final TaskSpec spec;
    private final Sectar model;
    private final Explorer explorer;
    private final StateArchive archive;
    private final Consistency consistency;
    private final SegmentBuffer replay;
    private final SegmentBuffer validation;
    private final LearnedPrior learnedPrior;
    private final LatentPrior prior;
    private final LatentPrior consistencyPrior;
    private final Env env;
    private final PlanScorer scorer;
    private final DecoderFit decoderFit;

    public SectarTrainer(SectarRunConfig cfg) {
        this.cfg = cfg;
        this.spec = cfg.taskSpec();
        this.model = new Sectar(cfg.model(), spec, Seeds.rng(cfg.seed(), "init/model"));
        this.explorer = new Explorer(cfg.explorer(), cfg.ppo(), spec, false, Seeds.rng(cfg.seed(), "init/explorer"));
        this.archive = new StateArchive(spec, cfg.explorer().archiveGrid());
        this.consistency = new Consistency(model, cfg.ppo(), cfg.consistencyRollouts(), cfg.consistencyContrast(), Seeds.rng(cfg.seed(), "init/consistency"));
        this.replay = new SegmentBuffer(cfg.replayCapacity());
        this.validation = new SegmentBuffer(cfg.validationCapacity());
        this.env = newEnv();
        PriorConfig pc = cfg.prior();
        this.learnedPrior = pc.learned() ? new LearnedPrior(spec.obsDim(), cfg.model().latentDim(), pc.hidden(), pc.capacity(),
                pc.batch(), pc.mix(), pc.learningRate(), Seeds.rng(cfg.seed(), "init/prior")) : null;
        LatentPrior normal = LatentPrior.standardNormal(cfg.model().latentDim());
        this.prior = pc.learned() ? learnedPrior : normal;
        this.consistencyPrior = pc.consistency() ? prior : normal;
        this.scorer = new PlanScorer(spec.reward(), cfg.mpc().gamma(), cfg.mpc().progressWeight(), arenaWidth(spec));
        DecoderFitConfig fc = cfg.decoderFit();
        this.decoderFit = fc.on() ? new DecoderFit(model, fc.batch(), fc.learningRate()) : null;
    }

    /**
     * Whether the networks split large passes over two threads (the default). One thread per run is
     * the better use of two cores when two runs share the machine; results are identical either way.
     */
    public void setParallel(boolean p) {
        model.setParallel(p);
        explorer.policy().setParallel(p);
        explorer.ppo().optimizer().setParallel(p);
        consistency.ppo().optimizer().setParallel(p);
        if (decoderFit != null) decoderFit.setParallel(p);
    }

    /** An unwrapped env of the run's task instance (segments reset it to arbitrary states). */
    Env newEnv() { return Tasks.entry(spec.name()).env().apply(spec); }

    public Sectar model() { return model; }

    /** The replay of explorer (and executed MPC) segments the model trains on. */
    public SegmentBuffer replay() { return replay; }

    /** The prior the planner proposes latents from: N(0, I), or the learned state-conditioned prior when on. */
    public LatentPrior planningPrior() { return prior; }

    public SectarRunConfig config() { return cfg; }

    public PlanScorer scorer() { return scorer; }

    /** Finished after the planned iterations or the first iteration past the wall-clock budget. */
    @Override public boolean finished(RunCounters c) { return c.iteration() >= cfg.iterations() || cfg.outOfTime(c.wallSeconds()); }

    @Override public int plannedIterations() { return cfg.iterations(); }

    @Override public int checkpointEvery() { return cfg.checkpointEvery(); }

    @Override public int keepCheckpointEvery() { return cfg.keepCheckpointEvery(); }

    @Override public void save(Checkpoint.Builder b) {
        b.putLong("explorer_resets", explorer.resets());
        b.putAll("model/", model.state());
        b.putAll("pd_ppo/", consistency.ppo().optimizer().state());
        b.putAll("explorer/", explorer.store().state());
        b.putAll("explorer_ppo/", explorer.ppo().optimizer().state());
        if (explorer.novelty() != null) explorer.novelty().save(b, "explorer_rnd/");
        archive.save(b, "archive/");
        replay.save(b, "replay");
        validation.save(b, "validation");
        if (learnedPrior != null) b.putAll("prior/", learnedPrior.state());
        if (decoderFit != null) b.putAll("decoder_fit/", decoderFit.state());
    }

    @Override public void restore(Checkpoint c) {
        model.load(c.take("model/"));
        model.policy().sync();
        consistency.ppo().optimizer().load(c.take("pd_ppo/"));
        explorer.store().load(c.take("explorer/"));
        explorer.policy().sync();
        explorer.ppo().optimizer().load(c.take("explorer_ppo/"));
        explorer.setResets((int) c.getLong("explorer_resets"));
        if (explorer.novelty() != null) explorer.novelty().load(c, "explorer_rnd/");
        // a checkpoint from before the archive existed had it off: it restarts empty, only its count is affected
        if (c.doubleNames().contains("archive/keys")) archive.load(c, "archive/");
        replay.load(c, "replay");
        validation.load(c, "validation");
        if (learnedPrior != null) learnedPrior.load(c.take("prior/"));
        if (decoderFit != null) decoderFit.load(c.take("decoder_fit/"));
    }

    /** The width of the arena along the rewarded coordinate: the never-blind score's distance unit. */
    static double arenaWidth(TaskSpec spec) {
        Space.Box box = (Space.Box) spec.observationSpace();
        int x = spec.reward().xIndex(0);
        double w = box.high()[x] - box.low()[x];
        return Double.isFinite(w) && w > 0 ? w : 5.0;
    }

    private SplittableRandom rng(int iteration, String name) { return Seeds.rng(cfg.seed(), "iter/" + iteration + "/" + name); }

    /** Runs the next iteration: MPC, exploration, model training; its columns follow the loop's headline. */
    @Override public Iteration iterate(RunCounters before) {
        int iteration = before.iteration() + 1;
        // (a) task-directed data: latent MPC with the current model
        long t0 = System.nanoTime();
        MpcRollout mpc = runMpc(cfg.mpc().episodes(), Seeds.derive(cfg.seed(), "iter/" + iteration + "/mpc"));
        long envSteps = mpc.envSteps();
        if (cfg.mpcToReplay()) addExecutedSegments(mpc);
        if (learnedPrior != null && cfg.prior().fromPlans()) {
            PriorPairs.Chosen c = PriorPairs.chosenLatents(mpc, spec.obsDim(), cfg.model().latentDim());
            learnedPrior.add(c.starts(), c.latents(), c.n());
        } else if (learnedPrior != null) addProgressLatents(mpc);
        PolicyChunks mpcChunks = decoderFit != null && cfg.decoderFit().mpc()
                ? MpcChunks.of(mpc, spec.obsDim(), cfg.model().latentDim(), spec.segmentLength()) : PolicyChunks.none();
        double mpcSeconds = seconds(t0);
        // (b) exploration
        t0 = System.nanoTime();
        for (MpcRollout.Trace tr : mpc.traces()) archive.addAll(tr.executed());
        int fromArchive = cfg.explorer().archiveStartCount();
        List<double[]> archived = fromArchive > 0 ? archive.pick(fromArchive, rng(iteration, "explorer-archive")) : List.of();
        Explorer.Rollouts roll = explorer.collect(env, mpc.segmentStarts(), archived, rng(iteration, "explore"));
        for (List<double[]> states : roll.states()) archive.addAll(states);
        envSteps += roll.envSteps();
        List<Segment> segs = roll.segments();
        int toReplay = (int) Math.round(segs.size() * 0.9);
        for (int i = 0; i < segs.size(); i++) (i < toReplay ? replay : validation).add(segs.get(i));
        Explorer.StateBonus stateBonus = explorer.stateBonus(roll, rng(iteration, "explorer-rnd"));
        Explorer.Update ex = iteration > 1 ? explorer.update(roll, stateBonus, model, rng(iteration, "explorer-update")) : null;
        boolean reset = explorer.maybeReset(roll, rng(iteration, "explorer-reset"));
        double exploreSeconds = seconds(t0);
        // (c) model training interleaved with consistency updates
        double modelSeconds = 0, consistencySeconds = 0, density = 0;
        List<Double> fitNll = new ArrayList<>();
        List<Losses> train = new ArrayList<>(), valid = new ArrayList<>();
        for (int pass = 0; pass < cfg.vaePasses(); pass++) {
            t0 = System.nanoTime();
            SplittableRandom r = rng(iteration, "vae/" + pass);
            for (int[] idx : replay.epoch(cfg.model().batchSize(), cfg.vaeStepsPerPass(), r)) {
                Losses l = model.trainStep(batch(replay, idx), r);
                if (!Double.isFinite(l.total()))
                    throw new NonFiniteLossException("iteration " + iteration + ": the VAE loss became " + l.total()
                            + " (nll " + l.nll() + ", kl " + l.kl() + ", bc " + l.bc() + ")");
                train.add(l);
            }
            validate(r, valid);
            modelSeconds += seconds(t0);
            t0 = System.nanoTime();
            Consistency.Update c = consistency.update(env, replay, consistencyPrior, rng(iteration, "consistency/" + pass));
            envSteps += c.envSteps();
            density += c.meanLogDensity() / cfg.vaePasses();
            consistencySeconds += seconds(t0);
            if (decoderFit != null) {
                t0 = System.nanoTime();
                fitNll.add(fitDecoder(c, mpcChunks, rng(iteration, "decoder-fit/" + pass)));
                modelSeconds += seconds(t0);
            }
        }
        t0 = System.nanoTime();
        double priorNll = learnedPrior == null ? Double.NaN : learnedPrior.fit(cfg.prior().fitSteps(), rng(iteration, "prior"));
        modelSeconds += seconds(t0);
        PriorReach reach = PriorReach.measure(model, prior, replay, REACH_SAMPLES, rng(iteration, "diagnostics"));
        Map<String, Object> row = new LinkedHashMap<>(mpc.stats().columns());
        row.putAll(Losses.mean(train).trainingColumns());
        row.putAll(Losses.mean(valid).validationColumns());
        row.put("sd_sigma", java.util.Arrays.stream(model.decoderSigma()).average().orElse(Double.NaN));
        row.put("consistency_reward", density);
        if (decoderFit != null) // only with the lever on, so runs without it keep the committed runs' columns
            row.put("decoder_fit_nll", fitNll.stream().filter(Double::isFinite).mapToDouble(d -> d).average().orElse(Double.NaN));
        row.put("explorer_bonus", ex == null ? Double.NaN : ex.bonus());
        row.put("explorer_entropy", roll.entropy());
        row.put("explorer_reset", reset ? 1 : 0);
        row.put("explorer_resets", explorer.resets());
        if (stateBonus != null) row.put("explorer_rnd_bonus", stateBonus.mean()); // only with the lever on, as decoder_fit_nll
        row.put("archive_cells", archive.size());
        row.put("reach_mean", reach.meanDisplacement());
        row.put("reach_p90", reach.p90Displacement());
        row.put("pd_entropy_prior", reach.policyEntropy());
        row.put("prior_nll", priorNll);
        row.put("prior_pairs", learnedPrior == null ? 0 : learnedPrior.size());
        row.put("replay_size", replay.size());
        row.put("time_mpc_s", mpcSeconds);
        row.put("time_explorer_s", exploreSeconds);
        row.put("time_model_s", modelSeconds);
        row.put("time_consistency_s", consistencySeconds);
        return new Iteration(envSteps, mpc.meanReturn(), mpc.successRate(spec.numGoals()), mpc.meanStage(), row);
    }

    /**
     * The decoder-fit lever's steps after one pass's consistency update, on that update's rollouts and/or
     * the iteration's executed MPC chunks; returns the mean NLL per predicted step before each step.
     */
    private double fitDecoder(Consistency.Update c, PolicyChunks mpcChunks, SplittableRandom r) {
        PolicyChunks data = PolicyChunks.concat(List.of(cfg.decoderFit().consistency() ? c.rollouts() : PolicyChunks.none(), mpcChunks));
        double nll = decoderFit.fit(data, cfg.decoderFit().steps(), r);
        if (data.n() > 0 && !Double.isFinite(nll))
            throw new NonFiniteLossException("the decoder fit's NLL became " + nll);
        return nll;
    }

    /** Prior latents per iteration the reach and policy-entropy diagnostics are measured on. */
    static final int REACH_SAMPLES = 256;

    /** The MPC episodes' executed segments into the replay (the {@code mpcToReplay} lever). */
    private void addExecutedSegments(MpcRollout mpc) {
        for (MpcRollout.Trace tr : mpc.traces()) {
            List<float[]> encoded = new ArrayList<>(tr.actions().size());
            for (double[] a : tr.actions()) encoded.add(spec.encodeAction(a));
            for (Segment seg : ExecutedSegments.cut(tr.executed(), encoded, spec.segmentLength())) replay.add(seg);
        }
    }

    /** The learned prior's data ({@code prior.source = "progress"}): progress-making segments with their encoded latent. */
    private void addProgressLatents(MpcRollout mpc) {
        PriorPairs.Segments segs = PriorPairs.progressSegments(mpc, spec.obsDim(), spec.segmentLength());
        if (segs.n() > 0) learnedPrior.add(segs.starts(), model.inference().encode(segs.states(), segs.n())[0], segs.n());
    }

    /** M MPC episodes with the current model from the task's start. */
    public MpcRollout runMpc(int episodes, long seed) {
        return new LatentMpc(cfg.mpc().withEpisodes(episodes), prior)
                .run(this::newEnv, SectarModels.stateModel(model), SectarModels.policy(model.policy(), cfg.mpc().greedyActions()),
                        scorer, seed);
    }

    /** Validation losses of up to {@code validationBatches} minibatches, added to {@code out}. */
    private void validate(SplittableRandom r, List<Losses> out) {
        if (validation.size() == 0) return;
        int b = Math.min(cfg.validationBatch(), validation.size());
        for (int[] idx : validation.epoch(b, cfg.validationBatches(), r)) out.add(model.evaluate(batch(validation, idx), r));
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

    private static double seconds(long from) { return (System.nanoTime() - from) / 1e9; }
}
