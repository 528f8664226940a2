package sectar.experiments.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code sectar bench ...}: the benchmarks, one subcommand each ({@code env}, {@code nn}, {@code vae}, {@code cluster}, {@code tensorboard}). */
@Command(name = "bench", mixinStandardHelpOptions = true, description = "Benchmarks; each prints one JSON line per measurement.",
        subcommands = {BenchEnvCommand.class, BenchNnCommand.class, BenchVaeCommand.class, BenchClusterCommand.class,
                BenchTensorboardCommand.class})
final class BenchCommand implements Runnable {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "bench needs a subcommand: " + spec.subcommands().keySet());
    }
}
