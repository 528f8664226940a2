package sectar.experiments.cli;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import sectar.experiments.bench.VaeQuality;

/**
 * {@code sectar bench vae [--steps N]}: trains the VAE as the learning test does and prints one JSON
 * line with its quality, its baselines and whether the absolute targets are met; the test only asserts
 * relative to the baselines, so this is where progress on the absolute figures shows.
 */
@Command(name = "vae", mixinStandardHelpOptions = true,
        description = "VAE quality on waypoint segments vs. baselines and absolute targets (one JSON line).")
final class BenchVaeCommand implements Callable<Integer> {
    static final double END_ERROR_TARGET = 0.2, BC_ACCURACY_TARGET = 0.9;

    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Option(names = "--steps", defaultValue = "" + VaeQuality.DEFAULT_STEPS,
            description = "training steps, >= 1 (default: ${DEFAULT-VALUE})")
    int steps;

    @Override public Integer call() {
        if (steps < 1) throw new IllegalArgumentException("--steps must be >= 1, got " + steps);
        VaeQuality.Result r = VaeQuality.run(steps);
        PrintWriter out = spec.commandLine().getOut();
        out.println(String.format(Locale.ROOT, "{\"bench\":\"vae_quality\",\"preset\":\"cpu\",\"task\":\"waypoint\","
                        + "\"steps\":%d,\"seconds\":%.2f,\"mse_before\":%.5f,\"mse_after\":%.5f,\"mse_ratio\":%.2f,"
                        + "\"end_error\":%.4f,\"end_error_prior\":%.4f,\"bc_accuracy\":%.4f,\"chance_accuracy\":%.4f,"
                        + "\"end_error_target\":%.1f,\"end_error_met\":%b,\"bc_accuracy_target\":%.1f,\"bc_accuracy_met\":%b}",
                r.steps(), r.seconds(), r.mseBefore(), r.mseAfter(), r.mseRatio(), r.endError(), r.endErrorPrior(),
                r.bcAccuracy(), r.chanceAccuracy(), END_ERROR_TARGET, r.endError() < END_ERROR_TARGET,
                BC_ACCURACY_TARGET, r.bcAccuracy() >= BC_ACCURACY_TARGET));
        out.flush();
        return 0;
    }
}
