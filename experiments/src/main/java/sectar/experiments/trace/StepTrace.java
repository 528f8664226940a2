package sectar.experiments.trace;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;

import sectar.sim.Env;
import sectar.sim.Space;
import sectar.sim.Step;

/**
 * Steps an env through a list of actions and writes one CSV line per step: {@code step}, the action,
 * the observation ({@code obs0, obs1, ...}), {@code reward}, {@code stage}, {@code terminated},
 * {@code truncated}. Line 0 is the reset (empty action cells). Numbers are written with Java's
 * shortest round-trip form, so another implementation can compare them exactly.
 */
public final class StepTrace {
    private StepTrace() {}

    /** The header line for {@code env}'s spaces. */
    public static String header(Env env) {
        List<String> cols = new ArrayList<>(List.of("step"));
        cols.addAll(ActionsCsv.columns(env.actionSpace()));
        for (int i = 0; i < env.observationSpace().dim(); i++) cols.add("obs" + i);
        cols.addAll(List.of("reward", "stage", "terminated", "truncated"));
        return String.join(",", cols);
    }

    /**
     * Resets {@code env} with {@code seed}, applies the actions until they run out or the episode ends,
     * and writes the header and the lines to {@code out}.
     *
     * @return the number of actions applied (fewer than given when the episode ended first)
     */
    public static int run(Env env, long seed, List<double[]> actions, PrintWriter out) {
        out.println(header(env));
        double[] obs = env.reset(seed);
        out.println(line(0, null, env.actionSpace(), obs, 0, env.stage(), false, false));
        int t = 0;
        for (double[] a : actions) {
            Step s = env.step(a);
            t++;
            out.println(line(t, a, env.actionSpace(), s.observation(), s.reward(), s.stage(), s.terminated(), s.truncated()));
            if (s.done()) break;
        }
        out.flush();
        return t;
    }

    private static String line(int step, double[] action, Space space, double[] obs, double reward, int stage,
                               boolean terminated, boolean truncated) {
        StringJoiner j = new StringJoiner(",");
        j.add(Integer.toString(step));
        for (int i = 0; i < space.dim(); i++) {
            if (action == null) j.add("");
            else if (space instanceof Space.Discrete) j.add(Integer.toString((int) action[i]));
            else j.add(Double.toString(action[i]));
        }
        for (double v : obs) j.add(Double.toString(v));
        j.add(Double.toString(reward)).add(Integer.toString(stage)).add(Boolean.toString(terminated))
                .add(Boolean.toString(truncated));
        return j.toString();
    }
}
