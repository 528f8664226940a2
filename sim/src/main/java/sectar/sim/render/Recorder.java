package sectar.sim.render;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import sectar.sim.Env;
import sectar.sim.Episode;
import sectar.sim.OrderedGoals;
import sectar.sim.Policy;
import sectar.sim.Step;
import sectar.sim.TimeLimit;
import sectar.sim.physics.Box2dTask;

/**
 * Runs a policy for one episode and keeps every k-th frame (plus the first and the last), so a long
 * episode (swimmer: 4950 steps) still makes a GIF of reasonable size.
 */
public final class Recorder {
    private final FrameRenderer renderer;
    private final int every;

    /** @param every keep the frame of every {@code every}-th step (1 = all) */
    public Recorder(FrameRenderer renderer, int every) {
        if (every < 1) throw new IllegalArgumentException("frame interval must be >= 1, got " + every);
        this.renderer = renderer;
        this.every = every;
    }

    /** The kept frames and the episode's outcome. */
    public record Recording(List<BufferedImage> frames, Episode episode) {
        public BufferedImage last() { return frames.get(frames.size() - 1); }
    }

    /** A frame interval that keeps about {@code maxFrames} frames of an episode of {@code steps} steps. */
    public static int intervalFor(int steps, int maxFrames) {
        if (maxFrames < 1) throw new IllegalArgumentException("maxFrames must be >= 1, got " + maxFrames);
        return Math.max(1, (steps + maxFrames - 1) / maxFrames);
    }

    /** Runs {@code policy} on {@code env} (a task, possibly inside its {@link TimeLimit}) from {@code reset(seed)}. */
    public Recording record(Env env, Policy policy, long seed, SplittableRandom rng) {
        Box2dTask task = box2d(env);
        OrderedGoals reward = env.spec().reward();
        List<BufferedImage> frames = new ArrayList<>();
        List<double[]> trail = new ArrayList<>();
        double[] obs = env.reset(seed);
        policy.reset();
        trail.add(checkedPoint(reward, obs, env.stage()));
        frames.add(renderer.draw(new Frame(task.world(), env.spec(), env.stage(), trail, 0, 0)));
        double total = 0;
        Step s;
        do {
            int judged = env.stage(); // the stage whose point the reward checks on this step
            s = env.step(policy.act(obs, judged, rng));
            obs = s.observation();
            total += s.reward();
            trail.add(checkedPoint(reward, obs, judged));
            if (env.elapsedSteps() % every == 0 || s.done())
                frames.add(renderer.draw(new Frame(task.world(), env.spec(), s.stage(), trail, env.elapsedSteps(), total)));
        } while (!s.done());
        Episode ep = new Episode(total, s.stage(), env.elapsedSteps(), s.stage() >= env.spec().numGoals());
        return new Recording(frames, ep);
    }

    private static double[] checkedPoint(OrderedGoals reward, double[] obs, int stage) {
        int i = reward.xIndex(Math.min(stage, reward.numGoals() - 1));
        return new double[] {obs[i], obs[i + 1]};
    }

    private static Box2dTask box2d(Env env) {
        Env inner = env instanceof TimeLimit t ? t.unwrapped() : env;
        if (inner instanceof Box2dTask task) return task;
        throw new IllegalArgumentException("can only render JBox2D tasks, got " + inner.getClass().getSimpleName());
    }
}
