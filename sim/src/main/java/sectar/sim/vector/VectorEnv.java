package sectar.sim.vector;

import java.util.function.Supplier;
import sectar.sim.Env;
import sectar.sim.Seeds;
import sectar.sim.Space;
import sectar.sim.Step;
import sectar.sim.TaskSpec;
import sectar.sim.tasks.Tasks;

/**
 * N environments of one task instance stepped together in this process (Gymnasium's
 * {@code SyncVectorEnv}), with auto-reset, in three calling forms: {@link #step(double[][])} with the
 * actions chosen beforehand (a batched network), {@link #step(ActionSource)} with each env's action
 * chosen on the thread that steps it (experts, random actions), and {@link #run} for cheap envs,
 * many steps per call. With two threads, each call hands the second half of the envs to one helper
 * thread ({@link SliceWorker}, one hand-off per call) when measuring shows that this is faster
 * ({@link SplitDecision}), so two threads are never slower than a loop over the envs. A per-step call
 * of eight waypoint envs (a few hundred nanoseconds of work) never pays for a hand-off; a batched call
 * of a few hundred steps per env does (README, Benchmarks).
 *
 * <p>Seeding: env i owns the seed {@code Seeds.derive(runSeed, "env/" + i)}, and its e-th episode
 * (e = 0, 1, ...) starts from {@code reset(Seeds.derive(envSeed, "episode/" + e))}. Each env is only
 * ever touched by one worker per call and writes only its own result slots, so results are identical
 * whatever the thread count.
 *
 * <p>Auto-reset (Gymnasium's same-step mode): when env i terminates or truncates in {@link #step}, it
 * is reset at once; {@code observations[i]} is then the <b>new</b> episode's first observation and
 * {@code finalObservations[i]} the last observation of the finished one (null for envs that did not
 * finish). {@code rewards}, {@code terminated}, {@code truncated} and {@code stages} describe the step
 * just taken, i.e. the finished episode.
 *
 * <p>Buffers: {@link #step} returns the same {@link VectorStep} arrays every call, overwritten by the
 * next call, and {@code observations[i]} is the same row of env i every call, its values copied in:
 * copy a row to keep it ({@code finalObservations[i]} is the env's own fresh array and may be kept). A
 * waypoint step costs about 25 ns, so six array allocations per call would make vector stepping slower
 * than a loop, and so would storing each step's fresh observation array into a long-lived one (the
 * garbage collector's write barrier on that store costs a measurable share of such a step).
 */
public final class VectorEnv implements AutoCloseable {
    /** Offer two threads from this many envs on ({@link SplitDecision} then decides per step whether to split). */
    public static final int THREADS_FROM = 2;

    /**
     * The result of one vector step (arrays indexed by env).
     *
     * @param observations      observation to act on next (the new episode's first one after an auto-reset);
     *                          env i's row is reused by every call
     * @param rewards           reward of the step
     * @param terminated        the step ended the episode by reaching the last stage
     * @param truncated         the step hit the episode length
     * @param stages            stage after the step (of the finished episode when it ended)
     * @param finalObservations last observation of an episode that ended in this step, else null
     */
    public record VectorStep(double[][] observations, double[] rewards, boolean[] terminated,
                             boolean[] truncated, int[] stages, double[][] finalObservations) {
        public boolean done(int i) { return terminated[i] || truncated[i]; }
    }

    private final Env[] envs;
    private final long[] envSeeds;
    private final int[] episodes;
    private final int threads;
    private final SliceWorker worker;
    private final SplitDecision stepDecision = new SplitDecision(), batchDecision = new SplitDecision();
    private final VectorStep out;
    // the result's arrays as fields: a per-step call on cheap envs is a few nanoseconds per env, and
    // reading them through the record on every env costs a measurable share of that; obsBuf's rows are
    // fixed and only their values change (see Buffers above)
    private final double[][] obsBuf, finalObsBuf;
    private final double[] rewardBuf;
    private final boolean[] terminatedBuf, truncatedBuf;
    private final int[] stageBuf;

    /**
     * @param factory fresh, time-limited envs of one task instance (e.g. {@code () -> Tasks.make("block", 0)})
     * @param n       number of envs, >= 1
     * @param runSeed the run seed every env seed derives from
     * @param threads worker threads, 1 or 2 (1 runs on the caller's thread)
     */
    public VectorEnv(Supplier<Env> factory, int n, long runSeed, int threads) {
        if (n < 1) throw new IllegalArgumentException("number of envs must be >= 1, got " + n);
        if (threads < 1 || threads > 2) throw new IllegalArgumentException("threads must be 1 or 2, got " + threads);
        envs = new Env[n];
        envSeeds = new long[n];
        for (int i = 0; i < n; i++) {
            envs[i] = factory.get();
            envSeeds[i] = Seeds.derive(runSeed, "env/" + i);
        }
        episodes = new int[n];
        obsBuf = new double[n][envs[0].spec().obsDim()];
        finalObsBuf = new double[n][];
        rewardBuf = new double[n];
        terminatedBuf = new boolean[n];
        truncatedBuf = new boolean[n];
        stageBuf = new int[n];
        out = new VectorStep(obsBuf, rewardBuf, terminatedBuf, truncatedBuf, stageBuf, finalObsBuf);
        this.threads = Math.min(threads, n);
        worker = this.threads > 1 ? new SliceWorker("vector-env") : null;
    }

    /** {@code n} envs of instance {@code k} of {@code task}; two threads when n >= {@link #THREADS_FROM}. */
    public static VectorEnv of(String task, int k, int n, long runSeed) {
        Tasks.spec(task, k); // validates the name and the instance before any env is built
        return new VectorEnv(() -> Tasks.make(task, k), n, runSeed, n >= THREADS_FROM ? 2 : 1);
    }

    public int size() { return envs.length; }

    public int threads() { return threads; }

    /** Whether steps are currently split over two threads (as last measured; false with one thread). */
    public boolean splitting() { return worker != null && stepDecision.splitting(); }

    public TaskSpec spec() { return envs[0].spec(); }

    /** Env i itself (for inspection; stepping it directly bypasses the episode bookkeeping). */
    public Env env(int i) { return envs[checkIndex(i)]; }

    /** Starts a new episode in every env (each with its next episode seed); returns the observations (fresh arrays). */
    public double[][] reset() {
        double[][] obs = new double[envs.length][];
        for (int i = 0; i < envs.length; i++) obs[i] = keep(i, resetOne(i));
        return obs;
    }

    /** Restarts env i from an arbitrary state at the given stage (the planner's segment starts); returns its observation (a fresh array). */
    public double[] resetTo(int i, double[] state, int stage) {
        return keep(i, envs[checkIndex(i)].resetTo(state, stage));
    }

    /** Copies {@code obs} into env i's observation row and returns it. */
    private double[] keep(int i, double[] obs) {
        double[] row = obsBuf[i];
        if (obs.length != row.length)
            throw new IllegalStateException(spec().name() + ": env " + i + " returned " + obs.length
                    + " observation values, its spec says " + row.length);
        System.arraycopy(obs, 0, row, 0, row.length);
        return obs;
    }

    /** Current stage of env i (0 right after an auto-reset). */
    public int stage(int i) { return envs[checkIndex(i)].stage(); }

    /** Current stage of every env (0 right after an auto-reset), in a new array. */
    public int[] stages() {
        int[] s = new int[envs.length];
        for (int i = 0; i < envs.length; i++) s[i] = envs[i].stage();
        return s;
    }

    /** Episodes started so far by env i (reset and auto-reset both count). */
    public int episodesStarted(int i) { return episodes[checkIndex(i)]; }

    /**
     * Sets how many episodes each env has started, as saved from {@link #episodesStarted} with a
     * checkpoint: the next {@link #reset()} then draws the same episode seeds as the uninterrupted run.
     */
    public void restoreEpisodesStarted(int[] started) {
        if (started.length != envs.length)
            throw new IllegalArgumentException("need one episode count per env: " + envs.length + ", got " + started.length);
        for (int s : started) if (s < 0) throw new IllegalArgumentException("episode counts must be >= 0, got " + s);
        System.arraycopy(started, 0, episodes, 0, envs.length);
    }

    /**
     * Steps every env with its action ({@code actions[i]}), auto-resetting the envs that finish. All
     * actions are validated first, so a bad one leaves every env untouched. The result's arrays are
     * this env's buffers, valid until the next call. Use this when the actions exist before the step
     * (a network's batched output); {@link #step(ActionSource)} chooses them per env instead.
     */
    public VectorStep step(double[][] actions) {
        int n = envs.length;
        if (actions == null || actions.length != n)
            throw new IllegalArgumentException("need one action per env: " + n + " rows, got "
                    + (actions == null ? "null" : actions.length));
        Space space = spec().actionSpace();
        for (int i = 0; i < n; i++) {
            try {
                space.validate("action", actions[i]);
            } catch (IllegalArgumentException e) { // build the message naming the env only when it is needed
                space.validate(spec().name() + " action of env " + i, actions[i]);
                throw e;
            }
        }
        dispatch(stepDecision, (from, to) -> stepRange(actions, from, to));
        return out;
    }

    /**
     * Steps every env with the action {@code source} chooses for it from its current observation,
     * auto-resetting the envs that finish; with two threads each thread chooses and steps its own half
     * of the envs, so the source must only touch its env's state ({@link ActionSource}). This is the
     * per-step form for cheap controllers (experts, random actions): no action array crosses threads
     * and the source's work is split too. A bad action stops the call with an error naming its env;
     * the envs before it in this call have then stepped. The result is this env's buffers, as for
     * {@link #step(double[][])}.
     */
    public VectorStep step(ActionSource source) {
        if (source == null) throw new IllegalArgumentException("the action source must not be null");
        dispatch(stepDecision, (from, to) -> stepRange(source, from, to));
        return out;
    }

    /**
     * Batched stepping for cheap envs: every env takes {@code steps} steps (auto-resetting in between),
     * actions from {@code source}, each step handed to {@code sink}; with two threads each thread runs
     * all steps of its half of the envs, with one hand-off per call instead of one per step. Each env's
     * trajectory is the one {@code steps} calls of {@link #step(ActionSource)} would give. The
     * {@link VectorStep} arrays of the per-step calls are not written; returns the observations every
     * env acts on next (this env's buffer, overwritten by the next call).
     */
    public double[][] run(ActionSource source, int steps, StepSink sink) {
        if (source == null || sink == null) throw new IllegalArgumentException("the action source and the step sink must not be null");
        if (steps < 1) throw new IllegalArgumentException("steps per env must be >= 1, got " + steps);
        dispatch(batchDecision, (from, to) -> runRange(source, steps, sink, from, to));
        return obsBuf;
    }

    /** Work on the envs {@code [from, to)}. */
    private interface RangeJob { void run(int from, int to); }

    /** Runs {@code job} on all envs, split over the two threads when {@code decision}'s probes say it pays. */
    private void dispatch(SplitDecision decision, RangeJob job) {
        int n = envs.length;
        if (worker == null) {
            job.run(0, n);
            return;
        }
        boolean split = decision.splitNext(), probe = decision.probing();
        long t0 = probe ? System.nanoTime() : 0; // only probes are timed
        if (split) worker.runBoth(() -> job.run(0, n / 2), () -> job.run(n / 2, n));
        else job.run(0, n);
        decision.record(probe ? System.nanoTime() - t0 : 0);
    }

    private void stepRange(ActionSource source, int from, int to) {
        int i = from;
        try {
            for (; i < to; i++) stepEnv(source, i);
        } catch (IllegalArgumentException e) {
            throw namingEnv(i, e);
        }
    }

    /** One step of env i; its own small method so the JIT compiles it whole, like a loop over one env. */
    private void stepEnv(ActionSource source, int i) {
        Env env = envs[i];
        record(i, env.step(source.act(i, obsBuf[i], env.stage())));
    }

    /** {@link #stepRange(ActionSource, int, int)} with the actions given (validated by the caller). */
    private void stepRange(double[][] actions, int from, int to) {
        for (int i = from; i < to; i++) record(i, envs[i].step(actions[i]));
    }

    /** Writes env i's step into the result arrays, auto-resetting it when the episode ended. */
    private void record(int i, Step s) {
        rewardBuf[i] = s.reward();
        terminatedBuf[i] = s.terminated();
        truncatedBuf[i] = s.truncated();
        stageBuf[i] = s.stage();
        if (s.done()) {
            finalObsBuf[i] = s.observation();
            keep(i, resetOne(i));
        } else {
            finalObsBuf[i] = null;
            keep(i, s.observation());
        }
    }

    private void runRange(ActionSource source, int steps, StepSink sink, int from, int to) {
        double[][] obs = obsBuf;
        int i = from;
        try {
            for (; i < to; i++) keep(i, runEnv(source, steps, sink, i, envs[i], obs[i]));
        } catch (IllegalArgumentException e) {
            throw namingEnv(i, e);
        }
    }

    /** {@code steps} steps of env i from observation {@code o}; returns the observation it acts on next. */
    private double[] runEnv(ActionSource source, int steps, StepSink sink, int i, Env env, double[] o) {
        for (int t = 0; t < steps; t++) {
            Step s = env.step(source.act(i, o, env.stage()));
            o = s.done() ? resetOne(i) : s.observation();
            sink.accept(i, s, o);
        }
        return o;
    }

    /** A bad action's error, naming its env. */
    private static IllegalArgumentException namingEnv(int i, IllegalArgumentException e) {
        return new IllegalArgumentException("env " + i + ": " + e.getMessage(), e);
    }

    private double[] resetOne(int i) {
        long seed = Seeds.derive(envSeeds[i], "episode/" + episodes[i]);
        episodes[i]++;
        return envs[i].reset(seed);
    }

    private int checkIndex(int i) {
        if (i < 0 || i >= envs.length)
            throw new IllegalArgumentException("env index must be in [0, " + (envs.length - 1) + "], got " + i);
        return i;
    }

    @Override public void close() {
        if (worker != null) worker.close();
    }
}
