package sectar.sim.block;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import sectar.sim.OrderedGoals;
import sectar.sim.TaskSpec;
import sectar.sim.tasks.Tasks;

/** The planner's distance-to-go: the goal point's way, plus in block the fist's way to the object first. */
class ProgressDistanceTest {
    private static float[] f(double[] s) {
        float[] out = new float[s.length];
        for (int i = 0; i < s.length; i++) out[i] = (float) s[i];
        return out;
    }

    @Test void waypointIsTheDistanceToTheNextWaypoint() {
        TaskSpec spec = Tasks.spec("waypoint", 0);
        double[] s = spec.start(), g = spec.reward().goal(0);
        assertEquals(Math.hypot(s[0] - g[0], s[1] - g[1]), spec.reward().progressDistance(f(s), 0, 0), 1e-5);
        assertEquals(0, spec.reward().progressDistance(f(s), 0, spec.numGoals()));
    }

    @Test void blockCountsTheFistsWayToAnObjectItDoesNotHold() {
        TaskSpec spec = Tasks.spec("block", 0);
        OrderedGoals r = spec.reward();
        double[] s = spec.start(), g0 = r.goal(0), g1 = r.goal(1);
        double carry0 = Math.hypot(s[2] - g0[0], s[3] - g0[1]);
        double fetch0 = Math.hypot(s[0] - s[2], s[1] - s[3]);
        assertEquals(carry0 + fetch0, r.progressDistance(f(s), 0, 0), 1e-5, "nothing held: fetch, then carry");

        double[] held = s.clone();
        held[BlockTask.ONE_HOT] = 0;
        held[BlockTask.ONE_HOT + 1] = 1; // object 1 held
        float[] padded = new float[held.length + 3];
        System.arraycopy(f(held), 0, padded, 3, held.length);
        assertEquals(carry0, r.progressDistance(padded, 3, 0), 1e-5, "object 1 held: only the carry is left");

        double carry1 = Math.hypot(s[4] - g1[0], s[5] - g1[1]);
        double fetch1 = Math.hypot(s[0] - s[4], s[1] - s[5]);
        assertEquals(carry1 + fetch1 + r.radius(), r.progressDistance(f(held), 0, 1), 1e-5,
                "holding the wrong object costs a drop on top of the fetch");
    }
}
