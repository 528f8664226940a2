package sectar.sim.vector;

import java.util.function.Supplier;
import sectar.sim.Env;
import sectar.sim.EnvBatch;
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
 * many steps per call. The envs are an {@link EnvBatch}: the task's own where it registered one
 * ({@link #of}; waypoint keeps its envs in arrays), else separate envs from a factory. With two
 * threads, each call hands the second half of the envs to one helper
 * thread ({@link SliceWorker}, one hand-off per call) when measuring shows that this is faster
 * ({@link SplitDecision}), so two threads are never slower than a loop over the envs. A per-step call
 * of eight waypoint envs (a few hundred nanoseconds of work) never pays for a hand-off; a batched call
 * of a few hundred steps per env does (results/bench/README.md).
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
 * copy a row to keep it ({@code finalObservations[i]} is a fresh array and may be kept). A
 * waypoint step costs about 15-25 ns, so six array allocations per call would make vector stepping slower
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

    private final EnvBatch batch;
    private final Space actionSpace;
    private final String actionLabel;
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
     * @param factory fresh, time-limited envs of one task instance (e.g. {@code () -> Tasks.make("block", 0)}),
     *                stepped as separate envs
     * @param n       number of envs, >= 1
     * @param runSeed the run seed every env seed derives from
     * @param threads worker threads, 1 or 2 (1 runs on the caller's thread)
     */
    public VectorEnv(Supplier<Env> factory, int n, long runSeed, int threads) {
        this(separate(factory, n, threads), runSeed, threads);
    }

    /** Checks the counts before any env is built, then builds them. */
    private static EnvBatch separate(Supplier<Env> factory, int n, int threads) {
        checkCounts(n, threads);
        return new SeparateEnvs(factory, n);
    }

    private static void checkCounts(int n, int threads) {
        if (n < 1) throw new IllegalArgumentException("number of envs must be >= 1, got " + n);
        if (threads < 1 || threads > 2) throw new IllegalArgumentException("threads must be 1 or 2, got " + threads);
    }

    /**
     * @param batch   the envs ({@link EnvBatch}: a task's own, or separate envs)
     * @param runSeed the run seed every env seed derives from
     * @param threads worker threads, 1 or 2 (1 runs on the caller's thread)
     */
    public VectorEnv(EnvBatch batch, long runSeed, int threads) {
        int n = batch.size();
        checkCounts(n, threads);
        this.batch = batch;
        actionSpace = batch.spec().actionSpace();
        actionLabel = batch.spec().name() + " action";
        envSeeds = new long[n];
        for (int i = 0; i < n; i++) envSeeds[i] = Seeds.derive(runSeed, "env/" + i);
        episodes = new int[n];
        obsBuf = new double[n][batch.spec().obsDim()];
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
        return of(Tasks.spec(task, k), n, runSeed, n >= THREADS_FROM ? 2 : 1); // validates the name and the instance first
    }

    /** {@code n} time-limited envs of {@code spec}: the task's own batch when it registered one, else separate envs. */
    public static VectorEnv of(TaskSpec spec, int n, long runSeed, int threads) {
        checkCounts(n, threads);
        EnvBatch batch = Tasks.batch(spec, n).orElseGet(() -> new SeparateEnvs(() -> Tasks.make(spec), n));
        return new VectorEnv(batch, runSeed, threads);
    }

    public int size() { return obsBuf.length; }

    public int threads() { return threads; }

    /** Whether steps are currently split over two threads (as last measured; false with one thread). */
    public boolean splitting() { return worker != null && stepDecision.splitting(); }

    public TaskSpec spec() { return batch.spec(); }

    /** Starts a new episode in every env (each with its next episode seed); returns the observations (fresh arrays). */
    public double[][] reset() {
        double[][] obs = new double[size()][];
        for (int i = 0; i < obs.length; i++) {
            resetOne(i);
            obs[i] = obsBuf[i].clone();
        }
        return obs;
    }

    /** Restarts env i from an arbitrary state at the given stage (the planner's segment starts); returns its observation (a fresh array). */
    public double[] resetTo(int i, double[] state, int stage) {
        batch.resetTo(checkIndex(i), state, stage, obsBuf[i]);
        return obsBuf[i].clone();
    }

    /** Current stage of env i (0 right after an auto-reset). */
    public int stage(int i) { return batch.stage(checkIndex(i)); }

    /** Current stage of every env (0 right after an auto-reset), in a new array. */
    public int[] stages() {
        int[] s = new int[size()];
        for (int i = 0; i < s.length; i++) s[i] = batch.stage(i);
        return s;
    }

    /** Steps env i took in its current episode (0 right after an auto-reset). */
    public int elapsedSteps(int i) { return batch.elapsedSteps(checkIndex(i)); }

    /** Episodes started so far by env i (reset and auto-reset both count). */
    public int episodesStarted(int i) { return episodes[checkIndex(i)]; }

    /**
     * Sets how many episodes each env has started, as saved from {@link #episodesStarted} with a
     * checkpoint: the next {@link #reset()} then draws the same episode seeds as the uninterrupted run.
     */
    public void restoreEpisodesStarted(int[] started) {
        if (started.length != size())
            throw new IllegalArgumentException("need one episode count per env: " + size() + ", got " + started.length);
        for (int s : started) if (s < 0) throw new IllegalArgumentException("episode counts must be >= 0, got " + s);
        System.arraycopy(started, 0, episodes, 0, size());
    }

    /**
     * Steps every env with its action ({@code actions[i]}), auto-resetting the envs that finish. All
     * actions are validated first, so a bad one leaves every env untouched. The result's arrays are
     * this env's buffers, valid until the next call. Use this when the actions exist before the step
     * (a network's batched output); {@link #step(ActionSource)} chooses them per env instead.
     */
    public VectorStep step(double[][] actions) {
        int n = size();
        if (actions == null || actions.length != n)
            throw new IllegalArgumentException("need one action per env: " + n + " rows, got "
                    + (actions == null ? "null" : actions.length));
        for (int i = 0; i < n; i++) {
            try {
                actionSpace.validate(actionLabel, actions[i]);
            } catch (IllegalArgumentException e) {
                throw namingEnv(i, e);
            }
        }
        if (plainCall(stepDecision)) stepRange(actions, 0, n);
        else dispatch(stepDecision, (from, to) -> stepRange(actions, from, to));
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
        if (plainCall(stepDecision)) stepRange(source, 0, size());
        else dispatch(stepDecision, (from, to) -> stepRange(source, from, to));
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

    /**
     * Whether this call runs on the caller's thread untimed (one thread, or two outside the probes of a
     * period that chose not to split), counted as made; such a call then builds no job object, which
     * costs a measurable share of a per-step call on eight waypoint envs.
     */
    private boolean plainCall(SplitDecision decision) {
        if (worker == null) return true;
        if (decision.splitNext() || decision.probing()) return false;
        decision.record(0);
        return true;
    }

    /** Runs {@code job} on all envs, split over the two threads when {@code decision}'s probes say it pays. */
    private void dispatch(SplitDecision decision, RangeJob job) {
        int n = size();
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
            for (; i < to; i++) { // the step in the loop's body: as a method of its own the JIT compiled it apart, a call per env
                double[] row = obsBuf[i];
                double[] action = source.act(i, row, batch.stage(i));
                actionSpace.validate(actionLabel, action);
                record(i, batch.step(i, action, row));
            }
        } catch (IllegalArgumentException e) {
            throw namingEnv(i, e);
        }
    }

    /** {@link #stepRange(ActionSource, int, int)} with the actions given (validated by the caller). */
    private void stepRange(double[][] actions, int from, int to) {
        for (int i = from; i < to; i++) record(i, batch.step(i, actions[i], obsBuf[i]));
    }

    /** Writes env i's step into the result arrays, auto-resetting it when the episode ended. */
    private void record(int i, double reward) {
        boolean terminated = batch.terminated(i), truncated = batch.truncated(i);
        rewardBuf[i] = reward;
        terminatedBuf[i] = terminated;
        truncatedBuf[i] = truncated;
        stageBuf[i] = batch.stage(i);
        if (terminated || truncated) finish(i);
        else if (finalObsBuf[i] != null) finalObsBuf[i] = null; // a reference store costs a garbage-collector barrier, so only when it changes
    }

    /**
     * Keeps env i's last observation and starts its next episode. Out of line, like every rare path
     * here: inlined, the reset's seed derivation made the step's compiled code too big for the JIT to
     * inline it into the loop over the envs, which then paid a call per env.
     */
    private void finish(int i) {
        finalObsBuf[i] = obsBuf[i].clone();
        resetOne(i);
    }

    private void runRange(ActionSource source, int steps, StepSink sink, int from, int to) {
        int i = from;
        try {
            for (; i < to; i++) runEnv(source, steps, sink, i);
        } catch (IllegalArgumentException e) {
            throw namingEnv(i, e);
        }
    }

    /** {@code steps} steps of env i from its row, which holds the observation it acts on next afterwards. */
    private void runEnv(ActionSource source, int steps, StepSink sink, int i) {
        double[] row = obsBuf[i];
        for (int t = 0; t < steps; t++) {
            double[] action = source.act(i, row, batch.stage(i));
            actionSpace.validate(actionLabel, action);
            double reward = batch.step(i, action, row);
            boolean terminated = batch.terminated(i), truncated = batch.truncated(i);
            if (terminated || truncated) {
                Step last = new Step(row.clone(), reward, terminated, truncated, batch.stage(i));
                resetOne(i);
                sink.accept(i, last, row);
            } else {
                sink.accept(i, new Step(row, reward, false, false, batch.stage(i)), row);
            }
        }
    }

    /** A bad action's error, naming its env. */
    private static IllegalArgumentException namingEnv(int i, IllegalArgumentException e) {
        return new IllegalArgumentException("env " + i + ": " + e.getMessage(), e);
    }

    /** Starts env i's next episode into its row. */
    private void resetOne(int i) {
        long seed = Seeds.derive(envSeeds[i], "episode/" + episodes[i]);
        episodes[i]++;
        batch.reset(i, seed, obsBuf[i]);
    }

    private int checkIndex(int i) {
        if (i < 0 || i >= size())
            throw new IllegalArgumentException("env index must be in [0, " + (size() - 1) + "], got " + i);
        return i;
    }

    @Override public void close() {
        if (worker != null) worker.close();
    }
}
