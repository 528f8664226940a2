package sectar.sim.tasks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import sectar.sim.Env;
import sectar.sim.OrderedGoals;
import sectar.sim.Policy;
import sectar.sim.Step;

/** Goals fire in order, one per step, each paying as the task says; later goals never fire early. */
class StagesTest {
    @Test void waypointFiresOnlyTheCurrentWaypoint() {
        Env env = Tasks.make("waypoint", 0);
        OrderedGoals goals = env.spec().reward();
        env.resetTo(goals.goal(1), 0); // standing on waypoint 1 while waypoint 0 is next
        Step s = env.step(new double[] {0});
        s = env.step(new double[] {2});
        assertEquals(0, s.stage(), "waypoint 1 must not fire before waypoint 0");
        env.resetTo(goals.goal(2), 2); // the third waypoint pays
        s = env.step(new double[] {0});
        assertEquals(3, s.stage());
        assertEquals(1.0, s.reward());
    }

    @Test void blockFiresObjectsInOrderAndPaysEach() {
        Env env = Tasks.make("block", 0);
        OrderedGoals goals = env.spec().reward();
        double[] state = Tasks.spec("block", 0).start();
        double[] g1 = goals.goal(1);
        state[4] = g1[0]; // object 2 on its goal, object 1 not
        state[5] = g1[1];
        env.resetTo(state, 0);
        Step s = env.step(new double[] {5});
        assertEquals(0, s.stage(), "object 2 must not count before object 1");
        assertEquals(0.0, s.reward());
        env.resetTo(state, 1);
        s = env.step(new double[] {5});
        assertEquals(2, s.stage());
        assertEquals(1.0, s.reward());
    }

    @Test void expertEpisodesAdvanceOneStageAtATimeAndPayOnTheRightGoals() {
        for (String name : Tasks.names()) {
            Env env = Tasks.make(name, 1);
            Policy expert = Tasks.expert(name, 1);
            OrderedGoals goals = env.spec().reward();
            SplittableRandom rng = new SplittableRandom(3);
            double[] obs = env.reset(3);
            int stage = 0, fired = 0;
            Step s;
            do {
                s = env.step(expert.act(obs, env.stage(), rng));
                obs = s.observation();
                assertTrue(s.stage() == stage || s.stage() == stage + 1, name + ": stage " + stage + " -> " + s.stage());
                if (s.stage() > stage) {
                    fired++;
                    assertTrue(goals.distanceToGoal(obs, stage) < goals.radius(), name + ": goal " + stage + " fired away from it");
                }
                assertEquals(goals.reward(stage, s.stage()), s.reward(), name + ": reward at stage " + stage);
                stage = s.stage();
            } while (!s.done());
            assertTrue(fired >= 3, name + ": the expert reached only " + fired + " goals");
        }
    }
}
