package sectar.experiments.train;

/**
 * The one-step-model MPC baseline (spec section 10.1, Nagabandi-style with DAgger data growth).
 *
 * @param task              task name
 * @param instance          task instance 0..4
 * @param preset            "paper" or "cpu"
 * @param seed              run seed
 * @param iterations        DAgger iterations
 * @param hidden            dynamics MLP hidden widths (released: 200-200-200)
 * @param learningRate      Adam step size (1e-3)
 * @param epochs            epochs over all data per iteration (60)
 * @param batch             minibatch size (512)
 * @param initialPaths      random-action episodes before the first fit (40; 100 wheeled/swimmer)
 * @param pathsPerIteration MPC episodes added to the data per iteration (100; 20 swimmer)
 * @param candidates        random action sequences per replanning (2048; 4000 swimmer)
 * @param horizon           plan length in steps (190 waypoint, 95 block, 380 wheeled, 2970 swimmer)
 */
public record OneStepConfig(String task, int instance, String preset, long seed, int iterations, int[] hidden,
                            double learningRate, int epochs, int batch, int initialPaths, int pathsPerIteration,
                            int candidates, int horizon) {
    public OneStepConfig {
        if (iterations < 1) throw new IllegalArgumentException("--iterations must be > 0, got " + iterations);
        if (epochs < 1 || batch < 1 || initialPaths < 1 || pathsPerIteration < 1 || candidates < 1 || horizon < 1)
            throw new IllegalArgumentException("one-step MPC settings must all be >= 1");
        hidden = hidden.clone();
    }

    @Override public int[] hidden() { return hidden.clone(); }

    public static OneStepConfig preset(String preset, String task, int instance, long seed, int iterations) {
        int horizon = switch (task) {
            case "waypoint" -> 190;
            case "block" -> 95;
            case "wheeled" -> 380;
            case "swimmer" -> 2970;
            default -> throw new IllegalArgumentException("unknown task '" + task + "'; expected waypoint, block, wheeled or swimmer");
        };
        boolean big = task.equals("wheeled") || task.equals("swimmer");
        return switch (preset) {
            case "paper" -> new OneStepConfig(task, instance, preset, seed, iterations, new int[] {200, 200, 200}, 1e-3, 60,
                    512, big ? 100 : 40, task.equals("swimmer") ? 20 : 100, task.equals("swimmer") ? 4000 : 2048, horizon);
            case "cpu" -> new OneStepConfig(task, instance, preset, seed, iterations, new int[] {64, 64}, 1e-3, 10, 512,
                    8, 2, 256, Math.min(horizon, 2 * sectar.sim.Tasks.spec(task, instance).segmentLength()));
            default -> throw new IllegalArgumentException("unknown preset '" + preset + "'; expected paper or cpu");
        };
    }
}
