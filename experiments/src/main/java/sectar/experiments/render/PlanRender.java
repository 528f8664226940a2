package sectar.experiments.render;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import sectar.planner.MpcRollout;
import sectar.sim.OrderedGoals;
import sectar.sim.TaskSpec;
import sectar.sim.physics.Box2dTask;
import sectar.sim.render.Frame;
import sectar.sim.render.FrameRenderer;
import sectar.sim.tasks.Tasks;

/**
 * Frames of one MPC episode that show the point of the method: the executed trail and, for every
 * segment, the state decoder's prediction of it from the same start and latent (dashed). Worlds are
 * rebuilt from the executed states with {@code resetTo}, so any task renders without replaying physics.
 */
public final class PlanRender {
    private PlanRender() {}

    /**
     * @param trace the episode (executed states, predicted segments of T * obsDim floats)
     * @param every keep every k-th step (plus the last)
     */
    public static List<BufferedImage> frames(TaskSpec spec, MpcRollout.Trace trace, int t, FrameRenderer renderer, int every) {
        Box2dTask task = (Box2dTask) Tasks.entry(spec.name()).env().apply(spec);
        OrderedGoals goals = spec.reward();
        List<double[]> executed = trace.executed();
        List<double[]> trail = new ArrayList<>();
        List<List<double[]>> predicted = new ArrayList<>();
        List<BufferedImage> frames = new ArrayList<>();
        int stage = 0, obs = spec.obsDim();
        double total = 0;
        for (int i = 0; i < executed.size(); i++) {
            double[] s = executed.get(i);
            if (i > 0) {
                int next = goals.nextStage(s, 0, stage);
                total += goals.reward(stage, next);
                stage = next;
            }
            int x = goals.xIndex(Math.min(stage, goals.numGoals() - 1));
            trail.add(new double[] {s[x], s[x + 1]});
            int seg = trace.chunkStarts().indexOf(i);
            if (seg >= 0) {
                float[] p = trace.predicted().get(seg);
                List<double[]> path = new ArrayList<>(List.of(new double[] {s[x], s[x + 1]}));
                for (int j = 0; j < t; j++) path.add(new double[] {p[j * obs + x], p[j * obs + x + 1]});
                predicted.add(path);
            }
            if (i % every == 0 || i == executed.size() - 1) {
                task.resetTo(s, Math.min(stage, goals.numGoals()));
                frames.add(renderer.draw(new Frame(task.world(), spec, stage, List.copyOf(trail), i, total,
                        List.copyOf(predicted))));
            }
        }
        return frames;
    }
}
