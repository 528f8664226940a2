package sectar.experiments.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code sectar demo}: the README's main job. Trains SeCTAR on waypoint with the cpu preset, then draws
 * its learning curve and renders one MPC episode of the trained model (executed vs predicted), all
 * inside the run directory.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Train SeCTAR on waypoint (cpu preset), plot the learning curve and render the trained model.")
final class DemoCommand implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Option(names = "--iterations", defaultValue = "12", description = "SeCTAR iterations (default: ${DEFAULT-VALUE})")
    int iterations;

    @Option(names = "--seed", defaultValue = "1", description = "run seed (default: ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--out", defaultValue = "results/runs/demo-waypoint", paramLabel = "DIR",
            description = "run directory, replaced if it exists (default: ${DEFAULT-VALUE})")
    Path out;

    @Override public Integer call() {
        CommandLine root = spec.root().commandLine();
        String dir = out.toString();
        int code = root.execute("train", "waypoint", "--algo", "sectar", "--preset", "cpu", "--iterations",
                Integer.toString(iterations), "--seed", Long.toString(seed), "--out", dir, "--force");
        if (code != 0) return code;
        for (List<String> args : List.of(
                List.of("plot", dir, "--out", out.resolve("return.png").toString()),
                List.of("plot", dir, "--y", "stage", "--out", out.resolve("stage.png").toString()),
                List.of("render", "waypoint", "--checkpoint", dir, "--out", out.resolve("episode.gif").toString()))) {
            code = root.execute(args.toArray(String[]::new));
            if (code != 0) return code;
        }
        spec.commandLine().getOut().println("demo finished: " + out + " holds metrics.csv, return.png, stage.png, episode.gif");
        return 0;
    }
}
