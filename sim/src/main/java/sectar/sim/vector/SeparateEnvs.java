package sectar.sim.vector;

import java.util.function.Supplier;
import sectar.sim.Env;
import sectar.sim.EnvBatch;
import sectar.sim.Step;
import sectar.sim.TaskSpec;

/**
 * The batch of a task that has none of its own: N separate {@link Env}s from a factory, each step's
 * observation copied into the caller's row and its flags kept for {@link #terminated}/{@link #truncated}.
 */
final class SeparateEnvs implements EnvBatch {
    private final Env[] envs;
    private final boolean[] terminated, truncated;

    /** @param n number of envs, already checked by the vector env (>= 1) */
    SeparateEnvs(Supplier<Env> factory, int n) {
        envs = new Env[n];
        for (int i = 0; i < n; i++) envs[i] = factory.get();
        terminated = new boolean[n];
        truncated = new boolean[n];
    }

    @Override public TaskSpec spec() { return envs[0].spec(); }

    @Override public int size() { return envs.length; }

    @Override public void reset(int i, long seed, double[] obs) { started(i, envs[i].reset(seed), obs); }

    @Override public void resetTo(int i, double[] state, int stage, double[] obs) { started(i, envs[i].resetTo(state, stage), obs); }

    private void started(int i, double[] first, double[] obs) {
        terminated[i] = truncated[i] = false;
        copy(i, first, obs);
    }

    @Override public double step(int i, double[] action, double[] obs) {
        Step s = envs[i].step(action);
        terminated[i] = s.terminated();
        truncated[i] = s.truncated();
        copy(i, s.observation(), obs);
        return s.reward();
    }

    /** Copies env i's observation into the caller's row, which must have the spec's length. */
    private void copy(int i, double[] from, double[] to) {
        if (from.length != to.length)
            throw new IllegalStateException(spec().name() + ": env " + i + " returned " + from.length
                    + " observation values, its spec says " + to.length);
        System.arraycopy(from, 0, to, 0, to.length);
    }

    @Override public int stage(int i) { return envs[i].stage(); }

    @Override public int elapsedSteps(int i) { return envs[i].elapsedSteps(); }

    @Override public boolean terminated(int i) { return terminated[i]; }

    @Override public boolean truncated(int i) { return truncated[i]; }
}
