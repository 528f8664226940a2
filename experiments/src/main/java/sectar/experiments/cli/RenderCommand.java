package sectar.experiments.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import sectar.sim.Env;
import sectar.sim.Policy;
import sectar.sim.Seeds;
import sectar.sim.Tasks;
import sectar.sim.render.FrameRenderer;
import sectar.sim.render.GifWriter;
import sectar.sim.render.PngWriter;
import sectar.sim.render.Recorder;

/** {@code sectar render <task>}: one episode of a scripted policy as an animated GIF or a PNG of its last frame. */
@Command(name = "render", mixinStandardHelpOptions = true,
        description = "Render one episode of the expert, a random policy or a trained SeCTAR run (--checkpoint): file.gif or file.png (last frame).")
final class RenderCommand implements Callable<Integer> {
    /** The policies that need no training. */
    enum PolicyKind { expert, random }

    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "TASK", description = "task name (see `sectar tasks`)")
    String task;

    @Option(names = "--policy", description = "expert or random (or use --checkpoint)")
    PolicyKind policy;

    @Option(names = "--checkpoint", paramLabel = "RUN_DIR",
            description = "a SeCTAR run directory: render one MPC episode of its model, executed trail and predicted segments")
    Path checkpoint;

    @Option(names = "--instance", defaultValue = "0", description = "task instance 0..4 (default: ${DEFAULT-VALUE})")
    int instance;

    @Option(names = "--seed", defaultValue = "0", description = "run seed (default: ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "output .gif or .png")
    Path out;

    @Option(names = "--size", defaultValue = "480", description = "frame width and height in pixels (default: ${DEFAULT-VALUE})")
    int size;

    @Option(names = "--max-frames", defaultValue = "100",
            description = "keep about this many frames (every k-th step; default: ${DEFAULT-VALUE})")
    int maxFrames;

    @Option(names = "--delay", defaultValue = "80", description = "GIF frame delay in ms (default: ${DEFAULT-VALUE})")
    int delayMs;

    @Override public Integer call() throws IOException {
        String name = out.getFileName() == null ? "" : out.getFileName().toString().toLowerCase(Locale.ROOT);
        boolean gif = name.endsWith(".gif");
        if (!gif && !name.endsWith(".png"))
            throw new IllegalArgumentException("--out must end in .gif or .png, got '" + out + "'");
        if ((policy == null) == (checkpoint == null))
            throw new IllegalArgumentException("give exactly one of --policy expert|random and --checkpoint RUN_DIR");
        if (checkpoint != null) return renderCheckpoint(gif);
        Env env = Tasks.make(task, instance);
        Policy p = policy == PolicyKind.expert ? Tasks.expert(task, instance) : Policy.random(env.actionSpace());
        int every = gif ? Recorder.intervalFor(env.spec().episodeSteps(), maxFrames) : env.spec().episodeSteps();
        String stream = "render/" + task + "/" + instance + "/" + policy;
        Recorder.Recording rec = new Recorder(new FrameRenderer(size), every)
                .record(env, p, Seeds.derive(seed, stream + "/reset"), Seeds.rng(seed, stream + "/actions"));
        if (gif) GifWriter.write(rec.frames(), delayMs, out);
        else PngWriter.write(rec.last(), out);
        spec.commandLine().getOut().printf("wrote %s: %d frame(s), every %d step(s); %s %s instance %d: return %.0f, %d steps, stage %d/%d%n",
                out, gif ? rec.frames().size() : 1, every, policy, task, instance, rec.episode().totalReward(),
                rec.episode().steps(), rec.episode().finalStage(), env.spec().numGoals());
        spec.commandLine().getOut().flush();
        return 0;
    }

    private int renderCheckpoint(boolean gif) throws IOException {
        var cfg = sectar.experiments.train.ConfigJson.read(checkpoint.resolve("config.json"),
                sectar.experiments.train.SectarRunConfig.class);
        if (!cfg.task().equals(task))
            throw new IllegalArgumentException("run " + checkpoint + " trained task '" + cfg.task() + "', not '" + task + "'");
        var trainer = sectar.experiments.train.SectarJob.load(cfg, checkpoint);
        var rollout = trainer.runMpc(1, Seeds.derive(seed, "render/mpc"));
        var taskSpec = Tasks.spec(task, cfg.instance());
        int steps = rollout.traces().get(0).executed().size() - 1;
        int every = gif ? Recorder.intervalFor(steps, maxFrames) : Math.max(1, steps);
        var frames = sectar.experiments.render.PlanRender.frames(taskSpec, rollout.traces().get(0),
                trainer.model().steps(), new FrameRenderer(size), every);
        if (gif) GifWriter.write(frames, delayMs, out);
        else PngWriter.write(frames.get(frames.size() - 1), out);
        spec.commandLine().getOut().printf("wrote %s: %d frame(s); SeCTAR (iteration %d) on %s instance %d: return %.0f, stage %d/%d%n",
                out, gif ? frames.size() : 1, trainer.iteration(), task, cfg.instance(), rollout.returns()[0],
                rollout.stages()[0], taskSpec.numGoals());
        spec.commandLine().getOut().flush();
        return 0;
    }
}
