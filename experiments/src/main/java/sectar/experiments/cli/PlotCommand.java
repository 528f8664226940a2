package sectar.experiments.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import sectar.experiments.plot.Curve;
import sectar.experiments.plot.LearningCurves;

/** {@code sectar plot <run-dir or folder>... --out file.png}: learning curves with 95% bands over seeds. */
@Command(name = "plot", mixinStandardHelpOptions = true,
        description = "Plot learning curves from metrics.csv files; runs equal but for the seed share a mean line and a 95%% t band.")
final class PlotCommand implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "RUN", description = "run directories or folders holding them")
    List<Path> inputs;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "output PNG")
    Path out;

    @Option(names = "--x", defaultValue = LearningCurves.DEFAULT_X, description = "x column (default: ${DEFAULT-VALUE})")
    String x;

    @Option(names = "--y", defaultValue = LearningCurves.DEFAULT_Y, description = "y column (default: ${DEFAULT-VALUE})")
    String y;

    @Override public Integer call() throws Exception {
        if (!out.toString().toLowerCase(java.util.Locale.ROOT).endsWith(".png"))
            throw new IllegalArgumentException("--out must end in .png, got '" + out + "'");
        List<Curve> curves = LearningCurves.plot(inputs, x, y, out);
        for (Curve c : curves)
            spec.commandLine().getOut().printf("%s: %d run(s), final %s = %.3f%n", c.label(), c.runs().size(), y,
                    c.mean()[c.mean().length - 1]);
        spec.commandLine().getOut().println("wrote " + out);
        return 0;
    }
}
