package sectar.sim.render;

import java.util.List;

import org.jbox2d.dynamics.World;

import sectar.sim.TaskSpec;

/**
 * What one frame shows: the world as it is now, the task, and the episode so far.
 *
 * @param world   the task's world (bodies drawn in {@code getBodyList()} order)
 * @param spec    the task instance (goals and radius come from its reward)
 * @param stage   index of the current goal; goals below it are done
 * @param trail   the reward-checked point {x, y} of every observation so far, oldest first
 * @param step    steps taken
 * @param episodeReturn reward collected so far
 * @param predicted     model-predicted paths of the reward-checked point, one per planned segment, drawn
 *                      dashed beside the executed trail (empty for scripted policies)
 */
public record Frame(World world, TaskSpec spec, int stage, List<double[]> trail, int step, double episodeReturn,
                    List<List<double[]>> predicted) {
    /** A frame without predictions. */
    public Frame(World world, TaskSpec spec, int stage, List<double[]> trail, int step, double episodeReturn) {
        this(world, spec, stage, trail, step, episodeReturn, List.of());
    }
}
