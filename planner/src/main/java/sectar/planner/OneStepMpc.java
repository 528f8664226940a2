package sectar.planner;

import java.util.SplittableRandom;
import sectar.agent.api.DynamicsModel;
import sectar.sim.Space;

/**
 * The flat model-based baseline of spec section 10.1 (Nagabandi-style): random shooting over whole
 * action sequences, rolled out step by step through a one-step dynamics model, scored with the task's
 * sparse reward on the predicted states; the caller executes the first {@code executeSteps} actions
 * open-loop and replans.
 */
public final class OneStepMpc {
    private final int candidates;
    private final int horizon;
    private final ActionEncoding actions;
    private final int rawDim;

    /**
     * @param candidates action sequences per replanning (released: 2048)
     * @param horizon    plan length in steps (released: 190 waypoint, 95 block, 380 wheeled)
     * @param actionSpace the task's action space
     */
    public OneStepMpc(int candidates, int horizon, Space actionSpace) {
        if (candidates < 1) throw new IllegalArgumentException("candidates must be >= 1, got " + candidates);
        if (horizon < 1) throw new IllegalArgumentException("horizon must be >= 1, got " + horizon);
        this.candidates = candidates;
        this.horizon = horizon;
        this.actions = new ActionEncoding(actionSpace);
        this.rawDim = actionSpace.dim();
    }

    /**
     * Plans from one real state.
     *
     * @return the best sequence, [horizon][action]
     */
    public double[][] plan(DynamicsModel model, PlanScorer scorer, double[] start, int stage, SplittableRandom rng) {
        int obs = model.obsDim(), enc = actions.encodedDim();
        if (enc != model.actionDim())
            throw new IllegalArgumentException("model takes actions of size " + model.actionDim() + ", task encodes " + enc);
        double[] raw = new double[candidates * horizon * rawDim];
        for (int i = 0; i < candidates * horizon; i++) actions.sample(rng, raw, i * rawDim);
        float[] s = new float[candidates * obs], a = new float[candidates * enc], next = new float[candidates * obs];
        float[] traj = new float[candidates * horizon * obs];
        for (int c = 0; c < candidates; c++) for (int d = 0; d < obs; d++) s[c * obs + d] = (float) start[d];
        for (int t = 0; t < horizon; t++) {
            for (int c = 0; c < candidates; c++) actions.encode(raw, (c * horizon + t) * rawDim, a, c * enc);
            model.predictNext(s, a, candidates, next);
            for (int c = 0; c < candidates; c++) System.arraycopy(next, c * obs, traj, (c * horizon + t) * obs, obs);
            float[] swap = s;
            s = next;
            next = swap;
        }
        double[] scores = new double[candidates];
        scorer.score(traj, 0, candidates, horizon, obs, stage, scores, 0);
        int best = 0;
        for (int c = 1; c < candidates; c++) if (scores[c] > scores[best]) best = c;
        double[][] plan = new double[horizon][rawDim];
        for (int t = 0; t < horizon; t++) System.arraycopy(raw, (best * horizon + t) * rawDim, plan[t], 0, rawDim);
        return plan;
    }
}
