package sectar.agent.dynamics;

import static org.junit.jupiter.api.Assertions.*;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import sectar.sim.Env;
import sectar.sim.Step;
import sectar.sim.tasks.Tasks;

class OneStepModelTest {
    private static Transitions randomWaypointData(int n, long seed) {
        Env env = Tasks.make("waypoint", 0);
        SplittableRandom rng = new SplittableRandom(seed);
        Transitions data = new Transitions(2, 4);
        double[] s = env.resetTo(new double[] {rng.nextDouble(-2.7, 2.7), rng.nextDouble(-2.7, 2.7)});
        for (int i = 0; i < n; i++) {
            int a = rng.nextInt(4);
            float[] enc = new float[4];
            enc[a] = 1;
            Step st = env.step(new double[] {a});
            data.add(s, enc, st.observation());
            s = st.observation();
            if (st.done() || i % 50 == 49) s = env.resetTo(new double[] {rng.nextDouble(-2.7, 2.7), rng.nextDouble(-2.7, 2.7)});
        }
        return data;
    }

    private static double meanError(OneStepModel m, Transitions data) {
        double err = 0;
        float[] out = new float[2];
        for (int i = 0; i < data.size(); i++) {
            float[] r = data.row(i);
            m.predictNext(new float[] {r[0], r[1]}, new float[] {r[2], r[3], r[4], r[5]}, 1, out);
            err += Math.hypot(out[0] - (r[0] + r[6]), out[1] - (r[1] + r[7]));
        }
        return err / data.size();
    }

    @Test
    void learnsTheWaypointMoves() {
        Transitions train = randomWaypointData(3000, 1), test = randomWaypointData(300, 2);
        OneStepModel m = new OneStepModel(2, 4, new int[] {64, 64}, 1e-3, new SplittableRandom(3));
        m.fit(train, 1, 512, new SplittableRandom(4)); // sets the normalisation
        double before = meanError(m, test);
        m.fit(train, 40, 128, new SplittableRandom(5));
        double after = meanError(m, test);
        assertTrue(after < 0.03, "mean one-step error " + after + " should be below 0.03 (moves are 0.2)");
        assertTrue(after < before / 3, "error should fall at least 3x: " + before + " -> " + after);
    }

    @Test
    void aCapOnStepsStopsTheFitThere() {
        Transitions data = randomWaypointData(1000, 1); // batch 100: 10 steps per epoch
        OneStepModel capped = new OneStepModel(2, 4, new int[] {16}, 1e-3, new SplittableRandom(3));
        OneStepModel twoEpochs = new OneStepModel(2, 4, new int[] {16}, 1e-3, new SplittableRandom(3));
        OneStepModel full = new OneStepModel(2, 4, new int[] {16}, 1e-3, new SplittableRandom(3));
        double a = capped.fit(data, 5, 100, 20, new SplittableRandom(4));
        double b = twoEpochs.fit(data, 2, 100, new SplittableRandom(4));
        double c = full.fit(data, 5, 100, new SplittableRandom(4));
        assertEquals(b, a, 0.0, "5 epochs capped at 20 steps are the first 2 epochs");
        assertNotEquals(c, a, "without the cap all 5 epochs run");
        assertThrows(IllegalArgumentException.class, () -> full.fit(data, 1, 100, -1, new SplittableRandom(4)));
    }

    @Test
    void rejectsMalformedTransitions() {
        Transitions t = new Transitions(2, 4);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> t.add(new double[] {0, 0}, new float[3], new double[] {0, 0}));
        assertTrue(e.getMessage().contains("4") && e.getMessage().contains("3"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> t.add(new double[] {Double.NaN, 0}, new float[4], new double[] {0, 0}));
    }
}
