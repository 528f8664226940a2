package sectar.planner;

import static org.junit.jupiter.api.Assertions.*;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import sectar.agent.api.DynamicsModel;
import sectar.sim.Env;
import sectar.sim.Step;
import sectar.sim.TaskSpec;
import sectar.sim.tasks.Tasks;

class OneStepMpcTest {
    /** The true kinematic waypoint step behind the model API. */
    static final class TrueWaypointStep implements DynamicsModel {
        @Override public int obsDim() { return 2; }
        @Override public int actionDim() { return 4; }
        @Override public void predictNext(float[] s, float[] a, int n, float[] out) {
            for (int i = 0; i < n; i++) {
                float dx = 0.2f * (a[4 * i] - a[4 * i + 2]), dy = 0.2f * (a[4 * i + 1] - a[4 * i + 3]);
                out[2 * i] = Math.max(-2.8f, Math.min(2.8f, s[2 * i] + dx));
                out[2 * i + 1] = Math.max(-2.8f, Math.min(2.8f, s[2 * i + 1] + dy));
            }
        }
    }

    @Test
    void withTheTrueDynamicsItCollectsAPaidGoalWithinReach() {
        TaskSpec spec = Tasks.spec("waypoint", 0);
        PlanScorer scorer = new PlanScorer(spec.reward(), 0.99, 0.0, 5.6);
        double[] goal = spec.reward().goal(2);
        double[] start = {goal[0] + (goal[0] > 0 ? -0.6 : 0.6), goal[1]};
        OneStepMpc mpc = new OneStepMpc(512, 10, spec.actionSpace());
        Env env = Tasks.entry("waypoint").env().apply(spec);
        double[] s = env.resetTo(start, 2);
        double total = 0;
        for (int replan = 0; replan < 3 && total == 0; replan++) {
            double[][] plan = mpc.plan(new TrueWaypointStep(), scorer, s, env.stage(), new SplittableRandom(replan));
            for (int t = 0; t < 5; t++) {
                Step st = env.step(plan[t]);
                total += st.reward();
                s = st.observation();
            }
        }
        assertEquals(1.0, total, "the paid goal 0.6 away should be collected");
    }

    @Test
    void rejectsAModelWithTheWrongActionSize() {
        TaskSpec spec = Tasks.spec("waypoint", 0);
        DynamicsModel wrong = new DynamicsModel() {
            public int obsDim() { return 2; }
            public int actionDim() { return 3; }
            public void predictNext(float[] s, float[] a, int n, float[] out) {}
        };
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new OneStepMpc(4, 2, spec.actionSpace())
                .plan(wrong, new PlanScorer(spec.reward(), 0.99, 0, 5.6), new double[] {0, 0}, 0, new SplittableRandom(1)));
        assertTrue(e.getMessage().contains("3") && e.getMessage().contains("4"), e.getMessage());
    }
}
