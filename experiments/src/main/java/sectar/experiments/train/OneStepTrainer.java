package sectar.experiments.train;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;
import sectar.agent.dynamics.OneStepModel;
import sectar.agent.dynamics.Transitions;
import sectar.agent.io.Checkpoint;
import sectar.planner.OneStepMpc;
import sectar.planner.PlanScorer;
import sectar.sim.Env;
import sectar.sim.Policy;
import sectar.sim.Seeds;
import sectar.sim.Step;
import sectar.sim.TaskSpec;
import sectar.sim.tasks.Tasks;

/**
 * The one-step-model MPC baseline's DAgger loop: random paths before the first iteration, then every
 * iteration refits the dynamics model on all data and adds MPC episodes (first T actions of each plan
 * executed open-loop, then replan). Its metrics columns, after the loop's headline (return, success
 * and stage of the iteration's MPC episodes): model_loss (normalised MSE), transitions.
 *
 * <p>Every stream is derived from the seed and the path or iteration, so the checkpoint holds only
 * the model, its Adam state and normalisation and the data (the loop adds the counters).
 */
public final class OneStepTrainer implements Trainer {
    private final OneStepConfig cfg;
    private final TaskSpec spec;
    private final Env env;
    private final Transitions data;
    private final OneStepModel model;
    private final OneStepMpc mpc;
    private final PlanScorer scorer;

    public OneStepTrainer(OneStepConfig cfg) {
        this.cfg = cfg;
        this.spec = cfg.taskSpec();
        this.env = Tasks.make(cfg.taskSpec());
        this.data = new Transitions(spec.obsDim(), spec.actionSize());
        this.model = new OneStepModel(spec.obsDim(), spec.actionSize(), cfg.hidden(), cfg.learningRate(),
                Seeds.rng(cfg.seed(), "init/dynamics"));
        this.mpc = new OneStepMpc(cfg.candidates(), cfg.horizon(), spec.actionSpace());
        this.scorer = new PlanScorer(spec.reward(), 0.99, 0, 1);
    }

    @Override public Iteration iterate(RunCounters before) {
        long envSteps = before.iteration() == 0 ? randomPaths() : 0;
        int iteration = before.iteration() + 1;
        double loss = model.fit(data, cfg.epochs(), cfg.batch(), cfg.maxFitSteps(), Seeds.rng(cfg.seed(), "iter/" + iteration + "/fit"));
        double ret = 0, stage = 0, success = 0;
        for (int p = 0; p < cfg.pathsPerIteration(); p++) {
            SplittableRandom rng = Seeds.rng(cfg.seed(), "iter/" + iteration + "/path/" + p);
            Result r = episode(rng.nextLong(), replanner(), rng);
            envSteps += r.steps;
            ret += r.ret / cfg.pathsPerIteration();
            stage += r.stage / (double) cfg.pathsPerIteration();
            success += (r.stage >= spec.numGoals() ? 1.0 : 0.0) / cfg.pathsPerIteration();
        }
        Map<String, Object> columns = new LinkedHashMap<>();
        columns.put("model_loss", loss);
        columns.put("transitions", data.size());
        return new Iteration(envSteps, ret, success, stage, columns);
    }

    /** The random-action episodes the first fit learns from; returns their env steps (they count toward env_steps). */
    private long randomPaths() {
        Policy random = Policy.random(spec.actionSpace());
        long steps = 0;
        for (int p = 0; p < cfg.initialPaths(); p++) {
            SplittableRandom rng = Seeds.rng(cfg.seed(), "random-path/" + p);
            steps += episode(rng.nextLong(), random, rng).steps;
        }
        return steps;
    }

    @Override public boolean finished(RunCounters c) { return c.iteration() >= cfg.iterations(); }

    @Override public int plannedIterations() { return cfg.iterations(); }

    @Override public void save(Checkpoint.Builder b) {
        b.putAll("dynamics/", model.params().state());
        b.putAll("dynamics_adam/", model.optimizer().state());
        b.putDoubles("dynamics_normalisation", model.normalisation());
        b.put("transitions", new int[] {data.size(), data.rowLength()}, data.toArray());
    }

    @Override public void restore(Checkpoint c) {
        model.params().load(c.take("dynamics/"));
        model.optimizer().load(c.take("dynamics_adam/"));
        model.setNormalisation(c.getDoubles("dynamics_normalisation"));
        if (data.size() > 0) throw new IllegalStateException("restore needs a fresh trainer");
        data.addRows(c.expect("transitions", c.shape("transitions")[0], data.rowLength()));
    }

    /** The model-based controller as trained: plan, execute the first T actions, replan. */
    @Override public Acting acting() { return new Acting(Tasks.make(cfg.taskSpec()), replanner()); }

    private Policy replanner() { return new Replanner(mpc, model, scorer, spec.segmentLength()); }

    private record Result(double ret, int stage, long steps) {}

    /** Plans every T steps and executes the plan's first T actions open-loop. */
    private static final class Replanner implements Policy {
        private final OneStepMpc mpc;
        private final OneStepModel model;
        private final PlanScorer scorer;
        private final int every;
        private double[][] plan;
        private int used;

        Replanner(OneStepMpc mpc, OneStepModel model, PlanScorer scorer, int every) {
            this.mpc = mpc;
            this.model = model;
            this.scorer = scorer;
            this.every = every;
        }

        @Override public double[] act(double[] obs, int stage, SplittableRandom rng) {
            if (plan == null || used >= every) {
                plan = mpc.plan(model, scorer, obs, stage, rng);
                used = 0;
            }
            return plan[used++];
        }

        @Override public void reset() { plan = null; }
    }

    private Result episode(long seed, Policy policy, SplittableRandom rng) {
        double[] s = env.reset(seed);
        policy.reset();
        double ret = 0;
        Step st;
        do {
            double[] a = policy.act(s, env.stage(), rng);
            st = env.step(a);
            data.add(s, spec.encodeAction(a), st.observation());
            ret += st.reward();
            s = st.observation();
        } while (!st.done());
        return new Result(ret, st.stage(), env.elapsedSteps());
    }
}
