package sectar.experiments.cli;

import java.io.PrintStream;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import sectar.experiments.bench.NnBench;
import sectar.experiments.bench.PlanSearchBench;
import sectar.experiments.bench.PpoBench;

/**
 * {@code sectar bench nn [--preset paper|cpu]}: the neural-network hot paths on the waypoint shapes,
 * one JSON line each (VAE training step, planning call, PPO update, batch-1 policy forward), comparable
 * with the same models in PyTorch ({@code bench/peers/run.sh nn}) on the same machine, then CEM's and CMA-ES's whole planning calls
 * at equal model evaluations.
 */
@Command(name = "nn", mixinStandardHelpOptions = true,
        description = "Benchmark the VAE step, the planning call, the PPO update, batch-1 acting and the CEM / CMA-ES planning calls (JSON lines).")
final class BenchNnCommand implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Option(names = "--preset", defaultValue = "cpu", description = "paper or cpu (default: ${DEFAULT-VALUE})")
    String preset;

    @Override public Integer call() {
        if (!preset.equals("paper") && !preset.equals("cpu"))
            throw new IllegalArgumentException("unknown preset '" + preset + "'; expected paper or cpu");
        PrintStream out = System.out;
        NnBench.run(preset, out);
        PpoBench.run(preset, out);
        PlanSearchBench.run(preset, out);
        out.flush();
        return 0;
    }
}
