package sectar.experiments.report;

import java.util.List;
import java.util.Locale;
import sectar.experiments.run.MetricsCsv;

/**
 * Where a SeCTAR iteration's time goes, per task instance: iterations per run, seconds per iteration,
 * and each phase's share of the time the phases took, from the runs' {@code time_*_s} columns.
 * Machine-dependent by nature: it describes the machine the runs were made on.
 */
public final class PhaseTimeTable {
    /** The phases, as the metrics name their seconds. */
    static final List<String> PHASES = List.of("time_mpc_s", "time_explorer_s", "time_model_s", "time_consistency_s");

    private PhaseTimeTable() {}

    static String markdown(SectarRuns runs) {
        StringBuilder s = new StringBuilder("SeCTAR's time per iteration and its split by phase (all iterations of all runs; ")
                .append("the machine's, not the method's):\n\n| task | iterations per run | s per iteration | MPC | explorer | model | consistency |\n")
                .append("|---|---|---|---|---|---|---|\n");
        runs.byInstance().forEach((name, tables) -> {
            double iters = SectarRuns.mean(tables.stream().map(t -> (double) t.rows().size()).toList());
            double perIteration = SectarRuns.mean(tables.stream().map(PhaseTimeTable::secondsPerIteration).toList());
            double[] phase = new double[PHASES.size()];
            double all = 0;
            for (MetricsCsv.Table t : tables)
                for (int p = 0; p < phase.length; p++) {
                    double v = SectarRuns.total(t, PHASES.get(p));
                    phase[p] += v;
                    all += v;
                }
            s.append(String.format(Locale.ROOT, "| %s | %.1f | %.1f |", name, iters, perIteration));
            for (double v : phase) s.append(all > 0 ? String.format(Locale.ROOT, " %.0f%% |", 100 * v / all) : " - |");
            s.append('\n');
        });
        return s.toString();
    }

    private static double secondsPerIteration(MetricsCsv.Table t) {
        if (t.rows().isEmpty()) return Double.NaN;
        double[] wall = t.column("wall_s");
        return wall[wall.length - 1] / wall.length;
    }
}
