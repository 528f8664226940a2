package sectar.experiments.train;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;
import sectar.agent.dynamics.OneStepModel;
import sectar.agent.dynamics.Transitions;
import sectar.experiments.run.Progress;
import sectar.experiments.run.RunDirectory;
import sectar.planner.OneStepMpc;
import sectar.planner.PlanScorer;
import sectar.sim.Env;
import sectar.sim.Policy;
import sectar.sim.Seeds;
import sectar.sim.Step;
import sectar.sim.TaskSpec;
import sectar.sim.Tasks;

/**
 * The one-step-model MPC baseline's DAgger loop: random paths first, then every iteration refit the
 * dynamics model on all data and add MPC episodes (first T actions of each plan executed open-loop,
 * then replan). Logged: iteration, env_steps, wall_s, return/success/stage of the iteration's MPC
 * episodes, model_loss (normalised MSE), transitions.
 */
public final class OneStepJob {
    private OneStepJob() {}

    public static void run(OneStepConfig cfg, RunDirectory run, Progress progress) {
        TaskSpec spec = Tasks.spec(cfg.task(), cfg.instance());
        Env env = Tasks.make(cfg.task(), cfg.instance());
        int actDim = spec.actionSize();
        Transitions data = new Transitions(spec.obsDim(), actDim);
        OneStepModel model = new OneStepModel(spec.obsDim(), actDim, cfg.hidden(), cfg.learningRate(), Seeds.rng(cfg.seed(), "init/dynamics"));
        OneStepMpc mpc = new OneStepMpc(cfg.candidates(), cfg.horizon(), spec.actionSpace());
        PlanScorer scorer = new PlanScorer(spec.reward(), 0.99, 0, 1);
        long steps = 0, start = System.nanoTime();
        Policy random = Policy.random(spec.actionSpace());
        for (int p = 0; p < cfg.initialPaths(); p++) {
            SplittableRandom rng = Seeds.rng(cfg.seed(), "random-path/" + p);
            steps += episode(env, data, spec, rng.nextLong(), (s, stage, r) -> random.act(s, stage, r), rng).steps;
        }
        for (int it = 1; it <= cfg.iterations(); it++) {
            double loss = model.fit(data, cfg.epochs(), cfg.batch(), Seeds.rng(cfg.seed(), "iter/" + it + "/fit"));
            double ret = 0, stage = 0, success = 0;
            for (int p = 0; p < cfg.pathsPerIteration(); p++) {
                SplittableRandom rng = Seeds.rng(cfg.seed(), "iter/" + it + "/path/" + p);
                Result r = episode(env, data, spec, rng.nextLong(), new Replanner(mpc, model, scorer, spec.segmentLength()), rng);
                steps += r.steps;
                ret += r.ret / cfg.pathsPerIteration();
                stage += r.stage / (double) cfg.pathsPerIteration();
                success += (r.stage >= spec.numGoals() ? 1.0 : 0.0) / cfg.pathsPerIteration();
            }
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("iteration", it);
            row.put("env_steps", steps);
            row.put("wall_s", (System.nanoTime() - start) / 1e9);
            row.put("return", ret);
            row.put("success", success);
            row.put("stage", stage);
            row.put("model_loss", loss);
            row.put("transitions", data.size());
            run.metrics().append(row);
            progress.update(it, steps, ret);
        }
    }

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

    private static Result episode(Env env, Transitions data, TaskSpec spec, long seed, Policy policy, SplittableRandom rng) {
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
