package sectar.experiments.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import sectar.experiments.run.RunDirectory;
import sectar.experiments.train.Algorithm;
import sectar.experiments.train.ConfigJson;
import sectar.experiments.train.SectarTrainer;
import sectar.experiments.train.Trainer;
import sectar.experiments.train.TrainingLoop;
import sectar.sim.Env;
import sectar.sim.Policy;
import sectar.sim.Seeds;
import sectar.sim.TaskSpec;
import sectar.sim.render.FrameRenderer;
import sectar.sim.render.GifWriter;
import sectar.sim.render.PngWriter;
import sectar.sim.render.Recorder;
import sectar.sim.tasks.Tasks;

/**
 * {@code sectar render <task>}: one episode of a scripted policy, or of a trained run of any algorithm
 * ({@code --checkpoint}), as an animated GIF or a PNG of its last frame.
 */
@Command(name = "render", mixinStandardHelpOptions = true,
        description = "Render one episode of the expert, a random policy or a trained run (--checkpoint, any algorithm): file.gif or file.png (last frame).")
final class RenderCommand implements Callable<Integer> {
    /** The policies that need no training. */
    enum PolicyKind { expert, random }

    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "TASK", description = "task name (see `sectar tasks`)")
    String task;

    @Option(names = "--policy", description = "expert or random (or use --checkpoint)")
    PolicyKind policy;

    @Option(names = "--checkpoint", paramLabel = "RUN_DIR",
            description = "a run directory of any algorithm: one episode of its trained policy (SeCTAR: one MPC episode, "
                    + "executed trail and predicted segments)")
    Path checkpoint;

    @Option(names = "--instance", defaultValue = "0", description = "task instance 0..4 (default: ${DEFAULT-VALUE})")
    int instance;

    @Option(names = "--seed", defaultValue = "0", description = "run seed (default: ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--instances-file", paramLabel = "FILE", description = "--policy: " + InstanceChoice.FILE_HELP)
    Path instancesFile;

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
        if (checkpoint != null && instancesFile != null)
            throw new IllegalArgumentException("--instances-file applies to --policy; a run renders the instance it embeds");
        if (checkpoint != null) return renderCheckpoint(gif);
        TaskSpec taskSpec = Tasks.spec(InstanceChoice.resolve(task, instancesFile, instance));
        Env env = Tasks.make(taskSpec);
        Policy p = policy == PolicyKind.expert ? Tasks.expert(taskSpec) : Policy.random(env.actionSpace());
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

    /** One episode of a trained run of any algorithm, from the policy its checkpoint holds. */
    private int renderCheckpoint(boolean gif) throws IOException {
        JsonNode m = RunDirectory.readMetadata(checkpoint, "--checkpoint");
        Algorithm algo = Algorithm.named(m.path("algo").asText());
        Record cfg = ConfigJson.read(algo, checkpoint.resolve(RunDirectory.CONFIG));
        if (!m.path("task").asText().equals(task))
            throw new IllegalArgumentException("run " + checkpoint + " trained task '" + m.path("task").asText() + "', not '" + task + "'");
        try (Trainer trainer = algo.trainer(cfg, true)) {
            TrainingLoop loop = new TrainingLoop(trainer);
            loop.load(checkpoint);
            if (trainer instanceof SectarTrainer s) return renderSectar(s, loop.iteration(), gif);
            Trainer.Acting acting = trainer.acting();
            if (acting == null) throw new IllegalArgumentException("render --checkpoint cannot render " + algo + " runs");
            Env env = acting.env();
            int every = gif ? Recorder.intervalFor(env.spec().episodeSteps(), maxFrames) : env.spec().episodeSteps();
            String stream = "render/" + task + "/checkpoint";
            Recorder.Recording rec = new Recorder(new FrameRenderer(size), every)
                    .record(env, acting.policy(), Seeds.derive(seed, stream + "/reset"), Seeds.rng(seed, stream + "/actions"));
            if (gif) GifWriter.write(rec.frames(), delayMs, out);
            else PngWriter.write(rec.last(), out);
            spec.commandLine().getOut().printf("wrote %s: %d frame(s); %s (iteration %d) on %s instance %d: return %.0f, stage %d/%d%n",
                    out, gif ? rec.frames().size() : 1, algo, loop.iteration(), task, env.spec().instance(),
                    rec.episode().totalReward(), rec.episode().finalStage(), env.spec().numGoals());
            spec.commandLine().getOut().flush();
            return 0;
        }
    }

    /** SeCTAR's render: one MPC episode, its executed trail and each segment's predicted states. */
    private int renderSectar(SectarTrainer trainer, int iteration, boolean gif) throws IOException {
        var cfg = trainer.config();
        var rollout = trainer.runMpc(1, Seeds.derive(seed, "render/mpc"));
        var taskSpec = cfg.taskSpec();
        int steps = rollout.traces().get(0).executed().size() - 1;
        int every = gif ? Recorder.intervalFor(steps, maxFrames) : Math.max(1, steps);
        var frames = sectar.experiments.render.PlanRender.frames(taskSpec, rollout.traces().get(0),
                trainer.model().steps(), new FrameRenderer(size), every);
        if (gif) GifWriter.write(frames, delayMs, out);
        else PngWriter.write(frames.get(frames.size() - 1), out);
        spec.commandLine().getOut().printf("wrote %s: %d frame(s); SeCTAR (iteration %d) on %s instance %d: return %.0f, stage %d/%d%n",
                out, gif ? frames.size() : 1, iteration, task, cfg.instance(), rollout.returns()[0],
                rollout.stages()[0], taskSpec.numGoals());
        spec.commandLine().getOut().flush();
        return 0;
    }
}
