package sectar.sim.tasks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import sectar.sim.Env;
import sectar.sim.Episode;
import sectar.sim.Policy;
import sectar.sim.Seeds;

/** The scripted experts solve their tasks well and uniform random actions collect almost nothing. */
class ExpertAndRandomReturnTest {
    static final int RANDOM_EPISODES = 10;

    static Episode expert(String name, int k) {
        return Episode.run(Tasks.make(name, k), Tasks.expert(name, k), 1, Seeds.rng(1, "expert"));
    }

    @Test void waypointExpertCollectsAtLeastSevenOnEveryInstance() {
        for (int k = 0; k < Tasks.NUM_INSTANCES; k++) {
            Episode e = expert("waypoint", k);
            assertTrue(e.totalReward() >= 7, "waypoint instance " + k + ": " + e);
        }
    }

    @Test void blockExpertPlacesAllFourObjectsOnEveryInstance() {
        for (int k = 0; k < Tasks.NUM_INSTANCES; k++) {
            Episode e = expert("block", k);
            assertEquals(4.0, e.totalReward(), "block instance " + k + ": " + e);
            assertTrue(e.success() && e.steps() <= 950, "block instance " + k + ": " + e);
        }
    }

    @Test void randomPolicyStaysNearZeroOnWaypointAndBlock() {
        for (String name : new String[] {"waypoint", "block"}) {
            double total = 0;
            int n = 0;
            for (int k = 0; k < Tasks.NUM_INSTANCES; k++) {
                for (int e = 0; e < RANDOM_EPISODES; e++, n++) {
                    Env env = Tasks.make(name, k);
                    long seed = Seeds.derive(5, name + "/" + k + "/" + e);
                    total += Episode.run(env, Policy.random(env.actionSpace()), seed, new java.util.SplittableRandom(seed))
                            .totalReward();
                }
            }
            double mean = total / n;
            System.out.printf("random %s: mean return %.3f over %d episodes%n", name, mean, n);
            assertTrue(mean <= 0.5, "random " + name + " mean return " + mean + " should stay near 0 (<= 0.5)");
        }
    }
}
