package sectar.sim.block;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import sectar.sim.Env;
import sectar.sim.tasks.Tasks;

/** The block task's mechanics: grasp order, carrying, dropping, contacts and state validation. */
class BlockTaskTest {
    /** Instance 0's start with the fist moved next to object {@code i} (index 0..3). */
    private static double[] fistAt(double x, double y) {
        double[] s = Tasks.spec("block", 0).start();
        s[0] = x;
        s[1] = y;
        return s;
    }

    private static double[] act(int a) { return new double[] {a}; }

    @Test void startStateIsTheInstance() {
        Env env = Tasks.make("block", 0);
        double[] obs = env.reset(1);
        assertArrayEquals(new double[] {-2.4089, -2.7497}, Arrays.copyOf(obs, 2), 1e-6);
        assertArrayEquals(new double[] {1, 0, 0, 0, 0}, Arrays.copyOfRange(obs, 10, 15));
    }

    @Test void graspCarriesTheObjectByTheFistsDisplacementAndDropLeavesItThere() {
        double[] s = Tasks.spec("block", 0).start();
        Env env = Tasks.make("block", 0);
        env.resetTo(fistAt(s[2] + 0.3, s[3]));
        double[] obs = env.step(act(4)).observation();
        assertEquals(1, obs[11], "object 1 attached");
        double offX = obs[2] - obs[0], offY = obs[3] - obs[1];
        SplittableRandom rng = new SplittableRandom(5);
        for (int t = 0; t < 200; t++) { // random moves, also pressing against the walls
            obs = env.step(act(rng.nextInt(4))).observation();
            assertEquals(offX, obs[2] - obs[0], 1e-5, "x offset at step " + t);
            assertEquals(offY, obs[3] - obs[1], 1e-5, "y offset at step " + t);
            assertTrue(Math.abs(obs[0]) <= 2.8 + 1e-6 && Math.abs(obs[1]) <= 2.8 + 1e-6, "fist clipped at 2.8");
        }
        double[] held = Arrays.copyOfRange(obs, 2, 4);
        obs = env.step(act(5)).observation();
        assertEquals(1, obs[10], "nothing attached after drop");
        for (int t = 0; t < 5; t++) obs = env.step(act(0)).observation();
        assertArrayEquals(held, Arrays.copyOfRange(obs, 2, 4), 0.0, "a dropped object stays put");
    }

    @Test void graspTakesTheFirstObjectInRangeAndNothingOutOfRange() {
        double[] s = Tasks.spec("block", 0).start();
        Env env = Tasks.make("block", 0);
        double[] st = fistAt(0, 0);
        st[2] = 0.3; st[3] = 0; // object 1 and object 3 both within 0.4
        st[6] = -0.3; st[7] = 0;
        env.resetTo(st);
        assertEquals(1, env.step(act(4)).observation()[11]);
        env.resetTo(fistAt(s[6] + 0.41, s[7]));
        double[] obs = env.step(act(4)).observation();
        assertEquals(1, obs[10], "object 3 at 0.41 is out of grasp range");
        obs = env.step(act(2)).observation();
        obs = env.step(act(4)).observation();
        assertEquals(1, obs[13], "object 3 grasped once in range");
        assertEquals(1, env.step(act(4)).observation()[13], "a second grasp keeps the first object");
    }

    @Test void withoutContactsTheFistPassesThroughObjects() {
        double[] s = Tasks.spec("block", 0).start();
        Env env = Tasks.make("block", 0);
        double[] obs = env.resetTo(fistAt(s[2] - 0.5, s[3]));
        for (int t = 0; t < 5; t++) obs = env.step(act(0)).observation();
        assertEquals(s[2] + 0.5, obs[0], 1e-5);
        assertArrayEquals(Arrays.copyOfRange(s, 2, 10), Arrays.copyOfRange(obs, 2, 10), 1e-6);
    }

    @Test void withContactsTheFistPushesObjects() {
        double[] s = Tasks.spec("block", 0).start();
        BlockTask task = new BlockTask(Tasks.spec("block", 0), true);
        double[] obs = task.resetTo(fistAt(s[2] - 0.5, s[3]));
        for (int t = 0; t < 5; t++) obs = task.step(act(0)).observation();
        assertTrue(obs[2] > s[2] + 0.3, "object 1 pushed along +x, now at " + obs[2]);
        assertTrue(obs[2] - obs[0] >= 0.19, "the fist does not pass through: gap " + (obs[2] - obs[0]));
    }

    @Test void resetToRebuildsTheAttachment() {
        double[] s = Tasks.spec("block", 0).start();
        double[] st = fistAt(s[4] - 0.2, s[5]);
        st[10] = 0;
        st[12] = 1; // object 2 attached
        Env env = Tasks.make("block", 0);
        assertArrayEquals(st, env.resetTo(st), 1e-6);
        double[] obs = env.step(act(1)).observation();
        assertEquals(st[5] + 0.2, obs[5], 1e-5, "object 2 moves with the fist");
    }

    @Test void resetToRejectsAnInvalidOneHot() {
        Env env = Tasks.make("block", 0);
        double[] two = Tasks.spec("block", 0).start();
        two[12] = 1;
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> env.resetTo(two));
        assertTrue(e.getMessage().contains("[1.0, 0.0, 1.0, 0.0, 0.0]") && e.getMessage().contains("one-hot"), e.getMessage());
        double[] half = Tasks.spec("block", 0).start();
        half[10] = 0.5;
        e = assertThrows(IllegalArgumentException.class, () -> env.resetTo(half));
        assertTrue(e.getMessage().contains("0.5"), e.getMessage());
        double[] far = Tasks.spec("block", 0).start(); // object 4 attached but far from the fist
        far[10] = 0;
        far[14] = 1;
        e = assertThrows(IllegalArgumentException.class, () -> env.resetTo(far));
        assertTrue(e.getMessage().contains("within 0.4"), e.getMessage());
        double[] out = Tasks.spec("block", 0).start();
        out[0] = 9;
        e = assertThrows(IllegalArgumentException.class, () -> env.resetTo(out));
        assertTrue(e.getMessage().contains("9.0") && e.getMessage().contains("2.82"), e.getMessage());
    }
}
