package sectar.sim.tasks;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import sectar.sim.Env;
import sectar.sim.vector.VectorEnv;

/** Bad input fails with IllegalArgumentException naming the bad value and what was expected. */
public class BadInputTest {
    public static void assertRejected(Executable call, String... fragments) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call);
        for (String f : fragments) assertTrue(e.getMessage().contains(f), "'" + e.getMessage() + "' lacks '" + f + "'");
    }

    @Test void badDiscreteActions() {
        for (String name : new String[] {"waypoint", "block"}) {
            Env env = Tasks.make(name, 0);
            env.reset(0);
            String n = name.equals("block") ? "6" : "4";
            assertRejected(() -> env.step(new double[] {0, 1}), "length 1", "got length 2");
            assertRejected(() -> env.step(new double[0]), "length 1", "got length 0");
            assertRejected(() -> env.step(null), "length 1", "null");
            assertRejected(() -> env.step(new double[] {Double.NaN}), "NaN", "[0, " + n + ")");
            assertRejected(() -> env.step(new double[] {-1}), "-1.0", "[0, " + n + ")");
            assertRejected(() -> env.step(new double[] {Integer.parseInt(n)}), n + ".0", "[0, " + n + ")");
            assertRejected(() -> env.step(new double[] {1.5}), "1.5", "integer");
        }
    }

    @Test void unknownTaskNames() {
        assertRejected(() -> Tasks.make("blocks", 0), "blocks", "waypoint", "block");
        assertRejected(() -> Tasks.spec("", 0), "''", "waypoint");
        assertRejected(() -> VectorEnv.of("nope", 0, 2, 1), "nope", "block");
    }

    @Test void instancesOutOfRange() {
        for (String name : Tasks.names()) {
            for (int k : new int[] {-1, 5}) {
                assertRejected(() -> Tasks.make(name, k), "got " + k, "[0, 4]");
                assertRejected(() -> Tasks.expert(name, k), "got " + k, "[0, 4]");
            }
        }
    }

    @Test void badStatesForResetTo() {
        Env env = Tasks.make("block", 0);
        assertRejected(() -> env.resetTo(new double[3]), "length 15", "got length 3");
        double[] nan = Tasks.spec("block", 0).start();
        nan[4] = Double.NaN;
        assertRejected(() -> env.resetTo(nan), "state[4]", "NaN");
        assertRejected(() -> env.resetTo(Tasks.spec("block", 0).start(), 5), "[0, 4]", "got 5");
    }
}
