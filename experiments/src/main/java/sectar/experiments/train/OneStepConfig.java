package sectar.experiments.train;

import java.util.Arrays;
import sectar.sim.TaskInstance;
import sectar.sim.TaskSpec;
import sectar.sim.tasks.EmbeddedInstance;

/**
 * The one-step-model MPC baseline (spec section 10.1, Nagabandi-style with DAgger data growth).
 *
 * @param task              task name
 * @param instance          task instance 0..4
 * @param preset            where the numbers come from
 * @param seed              run seed
 * @param iterations        DAgger iterations
 * @param hidden            dynamics MLP hidden widths (released: 200-200-200)
 * @param learningRate      Adam step size (1e-3)
 * @param epochs            epochs over all data per iteration (60)
 * @param maxFitSteps       at most this many minibatch steps per iteration's refit (0 = no cap, released)
 * @param batch             minibatch size (512)
 * @param initialPaths      random-action episodes before the first fit (40; 100 wheeled/swimmer)
 * @param pathsPerIteration MPC episodes added to the data per iteration (100; 20 swimmer)
 * @param candidates        random action sequences per replanning (2048; 4000 swimmer)
 * @param horizon           plan length in steps (190 waypoint, 95 block, 380 wheeled, 2970 swimmer)
 * @param taskInstance        the task instance as data (bundled or from {@code --instances-file}), embedded so
 *                            the run folder is self-contained; null in configs written before it was
 *                            (then the bundled instance {@code instance})
 */
public record OneStepConfig(String task, int instance, Preset preset, long seed, int iterations, int[] hidden,
                            double learningRate, int epochs, int maxFitSteps, int batch, int initialPaths, int pathsPerIteration,
                            int candidates, int horizon, @EmbeddedInstance.Field TaskInstance taskInstance) {
    public OneStepConfig {
        RunTask.check(task, taskInstance);
        if (preset == null) throw new IllegalArgumentException("preset must be one of " + Arrays.toString(Preset.values()));
        if (iterations < 1) throw new IllegalArgumentException("--iterations must be > 0, got " + iterations);
        if (hidden == null || hidden.length == 0 || Arrays.stream(hidden).anyMatch(h -> h < 1))
            throw new IllegalArgumentException("hidden must be one or more widths >= 1, got " + Arrays.toString(hidden));
        if (!(learningRate > 0)) throw new IllegalArgumentException("learningRate must be > 0, got " + learningRate);
        atLeastOne("epochs", epochs);
        if (maxFitSteps < 0) throw new IllegalArgumentException("maxFitSteps must be >= 0 (0 = no cap), got " + maxFitSteps);
        atLeastOne("batch", batch);
        atLeastOne("initialPaths", initialPaths);
        atLeastOne("pathsPerIteration", pathsPerIteration);
        atLeastOne("candidates", candidates);
        atLeastOne("horizon", horizon);
        hidden = hidden.clone();
    }

    private static void atLeastOne(String what, int v) {
        if (v < 1) throw new IllegalArgumentException(what + " must be >= 1, got " + v);
    }

    @Override public int[] hidden() { return hidden.clone(); }

    /** The spec of the run's task instance. */
    public TaskSpec taskSpec() { return RunTask.spec(task, instance, taskInstance); }
}
