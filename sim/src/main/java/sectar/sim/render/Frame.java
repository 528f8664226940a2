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
 * @param skills        pairs of a predicted (dashed) and an executed (solid) path in one colour per pair,
 *                      for a picture of what a model's latents do (empty elsewhere)
 */
public record Frame(World world, TaskSpec spec, int stage, List<double[]> trail, int step, double episodeReturn,
                    List<List<double[]>> predicted, List<SkillPath> skills) {
    /**
     * One latent's segment of the reward-checked point: as a model predicts it and as it was executed.
     *
     * @param predicted the predicted path {x, y}, start first
     * @param executed  the executed path {x, y}, start first
     */
    public record SkillPath(List<double[]> predicted, List<double[]> executed) {}

    /** A frame without predictions. */
    public Frame(World world, TaskSpec spec, int stage, List<double[]> trail, int step, double episodeReturn) {
        this(world, spec, stage, trail, step, episodeReturn, List.of(), List.of());
    }

    /** A frame with predicted segments beside the trail. */
    public Frame(World world, TaskSpec spec, int stage, List<double[]> trail, int step, double episodeReturn,
                 List<List<double[]>> predicted) {
        this(world, spec, stage, trail, step, episodeReturn, predicted, List.of());
    }
}
