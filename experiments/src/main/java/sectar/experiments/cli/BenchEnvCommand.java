package sectar.experiments.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.function.Supplier;

import org.jbox2d.common.Vec2;
import org.jbox2d.dynamics.World;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import sectar.experiments.bench.Box2dScenes;
import sectar.experiments.bench.EnvStepBench;
import sectar.experiments.bench.Timing;
import sectar.sim.physics.TaskWorld;
import sectar.sim.tasks.Tasks;

/**
 * {@code sectar bench env}: env steps per second per task and mode (median of the repeats after a
 * warm-up), then the raw JBox2D scene whose Box2D C++ twin {@code bench/peers/run.sh physics} times, as JSON
 * lines ({@code --scene-only}: the scenes alone).
 */
@Command(name = "env", mixinStandardHelpOptions = true,
        description = "Env steps/s per task (single env; vector env on 1 and 2 threads: per-step calls, per-step calls with the actions chosen first, batched calls of " + EnvStepBench.BATCH_STEPS + " steps per env) and the equivalent raw JBox2D scene (compare with bench/peers/run.sh physics).")
final class BenchEnvCommand implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Option(names = "--task", description = "one task (default: all registered)")
    String task;

    @Option(names = "--repeats", defaultValue = "5", description = "timed repeats, >= 5 (default: ${DEFAULT-VALUE})")
    int repeats;

    @Option(names = "--seconds", defaultValue = "0.5", description = "seconds per env repeat (default: ${DEFAULT-VALUE})")
    double seconds;

    @Option(names = "--policy", defaultValue = "expert", description = "actions: expert or random (default: ${DEFAULT-VALUE})")
    RenderCommand.PolicyKind policy;

    @Option(names = "--envs", defaultValue = "8", description = "envs in the vector mode (default: ${DEFAULT-VALUE})")
    int envs;

    @Option(names = "--scene-steps", defaultValue = "200000",
            description = "Box2D steps per scene repeat, as the C++ peer's --scene-steps (default: ${DEFAULT-VALUE})")
    long sceneSteps;

    @Option(names = "--no-scene", description = "skip the raw JBox2D scenes")
    boolean noScene;

    @Option(names = "--scene-only", description = "only the raw JBox2D scenes (what bench/peers/run.sh physics measures in Box2D C++)")
    boolean sceneOnly;

    @Option(names = "--seed", defaultValue = "0", description = "run seed (default: ${DEFAULT-VALUE})")
    long seed;

    @Override public Integer call() {
        if (repeats < 5) throw new IllegalArgumentException("--repeats must be >= 5, got " + repeats);
        if (!(seconds > 0) || seconds > 60) throw new IllegalArgumentException("--seconds must be in (0, 60], got " + seconds);
        if (envs < 1) throw new IllegalArgumentException("--envs must be >= 1, got " + envs);
        if (sceneSteps < 1000) throw new IllegalArgumentException("--scene-steps must be >= 1000, got " + sceneSteps);
        if (sceneOnly && noScene) throw new IllegalArgumentException("--scene-only and --no-scene exclude each other");
        List<String> tasks = task == null ? Tasks.names() : List.of(Tasks.entry(task).name());
        PrintWriter out = spec.commandLine().getOut();
        boolean expert = policy == RenderCommand.PolicyKind.expert;
        for (String t : tasks) {
            if (sceneOnly) {
                scenes(out, t);
                continue;
            }
            double single = Timing.median(Timing.rates(EnvStepBench.single(t, expert, seed), repeats, seconds, 1.0));
            line(out, t, "single", single);
            // each vector form on one thread, then two: the second must never be slower than the first
            for (Form form : Form.values())
                for (int threads = 1; threads <= 2; threads++) {
                    double rate = Timing.median(Timing.rates(form.work(t, envs, threads, expert, seed), repeats, seconds, 1.0));
                    line(out, t, form.label + "_" + threads + (threads == 1 ? "thread" : "threads"), rate);
                }
            if (!noScene) scenes(out, t);
        }
        return 0;
    }

    /** The task's raw scene in JBox2D's own world, then in the tasks' world (its small broad phase). */
    private void scenes(PrintWriter out, String task) {
        String scene = EnvStepBench.sceneOf(task);
        scene(out, scene, "jbox2d_tree", () -> new World(new Vec2(0, 0)));
        scene(out, scene, "sectar_small", TaskWorld::new);
    }

    /** The vector env's calling forms ({@link EnvStepBench}). */
    private enum Form {
        VECTOR("vector"), ARRAYS("vector_arrays"), BATCH("batch");

        final String label;

        Form(String label) { this.label = label; }

        Timing.Work work(String task, int envs, int threads, boolean expert, long seed) {
            return switch (this) {
                case VECTOR -> EnvStepBench.vector(task, envs, threads, expert, seed);
                case ARRAYS -> EnvStepBench.arrays(task, envs, threads, expert, seed);
                case BATCH -> EnvStepBench.batch(task, envs, threads, expert, seed);
            };
        }
    }

    /** One measurement, naming the policy that chose the actions and the envs per vector env, so a saved line stands alone. */
    private void line(PrintWriter out, String task, String mode, double median) {
        out.println(String.format(Locale.ROOT,
                "{\"bench\":\"env_steps\",\"policy\":\"%s\",\"envs\":%d,\"task\":\"%s\",\"mode\":\"%s\",\"unit\":\"steps_per_s\",\"median\":%.1f}",
                policy, mode.equals("single") ? 1 : envs, task, mode, median));
        out.flush();
    }

    /** As the C++ peer does: a fresh scene per repeat, 2000 warm-up steps, then sceneSteps timed steps. */
    private void scene(PrintWriter out, String name, String broadphase, Supplier<World> worlds) {
        double[] rates = new double[repeats];
        int substeps = 1, bodies = 0;
        for (int r = -1; r < repeats; r++) { // r = -1: a discarded pass so the JIT has compiled the step
            Box2dScenes.Scene sc = Box2dScenes.build(name, worlds);
            substeps = sc.substeps();
            bodies = sc.world().getBodyCount();
            sc.run(0, 2000);
            long t0 = System.nanoTime();
            sc.run(2000, sceneSteps);
            if (r >= 0) rates[r] = sceneSteps / ((System.nanoTime() - t0) / 1e9);
        }
        double median = Timing.median(rates);
        out.println(String.format(Locale.ROOT, "{\"bench\":\"box2d_scene\",\"scene\":\"%s\",\"broadphase\":\"%s\",\"bodies\":%d,"
                + "\"steps\":%d,\"substeps\":%d,\"env_steps_per_s\":%.1f,\"unit\":\"steps_per_s\",\"median\":%.1f}",
                name, broadphase, bodies, sceneSteps, substeps, median / substeps, median));
        out.flush();
    }
}
