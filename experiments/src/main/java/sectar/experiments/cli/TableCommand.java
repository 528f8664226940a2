package sectar.experiments.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import sectar.sim.io.AtomicFiles;
import sectar.experiments.report.WallClockTable;

/**
 * {@code sectar table ROOT}: a lever study's table of a column at wall-clock minutes or iterations, mean
 * and 95% CI over seeds, and with {@code --final} each setting's final difference from the baseline ({@code --upto N}:
 * finals as if every run had stopped after iteration N).
 */
@Command(name = "table", mixinStandardHelpOptions = true,
        description = "Tabulate a study: each folder under ROOT is a setting holding one run directory per seed; prints a "
                + "markdown row per setting with the mean and 95%% t-interval over seeds of a column at wall-clock minutes "
                + "(or --iterations); with --final, each setting's final value minus the baseline's with a 95%% Welch interval.")
final class TableCommand implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "ROOT", description = "folder of settings, each a folder of run directories")
    Path root;

    @Option(names = "--at", split = ",", defaultValue = "5,10,20", arity = "0..*", description = "wall-clock minutes (default: ${DEFAULT-VALUE})")
    double[] minutes;

    @Option(names = "--iterations", split = ",", arity = "1..*", paramLabel = "N",
            description = "tabulate at these iterations instead of minutes (a budget independent of the machine's load)")
    double[] iterations;

    @Option(names = "--window", defaultValue = "1", description = "minutes (or iterations) before each position the value is averaged over (default: ${DEFAULT-VALUE})")
    double window;

    @Option(names = "--column", split = ",", defaultValue = "return",
            description = "metrics column, or several separated by commas: one table each (default: ${DEFAULT-VALUE})")
    List<String> columns;

    @Option(names = "--baseline", defaultValue = "base", description = "setting whose config the others are compared with (default: ${DEFAULT-VALUE})")
    String baseline;

    @Option(names = "--final", defaultValue = "0", paramLabel = "SHARE",
            description = "also the final value: mean over this share of each run's last iterations, e.g. 0.1 (default: off)")
    double finalShare;

    @Option(names = "--upto", paramLabel = "N",
            description = "take each run's final as if it had stopped after iteration N, so runs continued to different "
                    + "budgets compare at one (a run that ended before N has no final; default: each run's last iteration)")
    Integer upto;

    @Option(names = "--out", paramLabel = "FILE", description = "also write the table to this markdown file")
    Path out;

    @Override public Integer call() {
        if (!(finalShare >= 0 && finalShare <= 1)) throw new IllegalArgumentException("--final must be in [0, 1], got " + finalShare);
        if (upto != null && upto < 1) throw new IllegalArgumentException("--upto must be an iteration >= 1, got " + upto);
        if (upto != null && finalShare == 0) throw new IllegalArgumentException("--upto " + upto + " sets where the final is taken; give --final SHARE too");
        if (!(window > 0)) throw new IllegalArgumentException("--window must be > 0, got " + window);
        WallClockTable.Axis axis = iterations == null ? WallClockTable.Axis.MINUTES : WallClockTable.Axis.ITERATIONS;
        double[] at = iterations == null ? minutes : iterations;
        for (double m : at)
            if (!(m >= window)) throw new IllegalArgumentException((iterations == null ? "--at minutes" : "--iterations") + " must be >= --window, got " + m);
        List<WallClockTable.Setting> settings = WallClockTable.settings(root, baseline);
        StringBuilder tables = new StringBuilder();
        for (String column : columns) {
            if (!tables.isEmpty()) tables.append('\n');
            tables.append(WallClockTable.markdown(settings, column, at, window, finalShare, axis, baseline, upto == null ? Integer.MAX_VALUE : upto));
        }
        String table = tables.toString();
        spec.commandLine().getOut().print(table);
        spec.commandLine().getOut().flush();
        if (out != null) AtomicFiles.writeString(out, table);
        return 0;
    }
}
