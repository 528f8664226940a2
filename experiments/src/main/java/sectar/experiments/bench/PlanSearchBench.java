package sectar.experiments.bench;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.Locale;
import sectar.agent.api.LatentStateModel;
import sectar.agent.loop.SectarModels;
import sectar.agent.vae.Sectar;
import sectar.agent.vae.SectarConfig;
import sectar.planner.CmaEsSearch;
import sectar.planner.CrossEntropySearch;
import sectar.planner.LatentSearch;
import sectar.planner.PlanScorer;
import sectar.sim.Seeds;
import sectar.sim.tasks.Tasks;

/**
 * Times one planning call of CEM and of CMA-ES at equal model evaluations (the target is CMA-ES within
 * 1.2x of CEM, so choosing the search costs nothing at equal evaluations) on the waypoint shapes of
 * {@link NnBench}'s plan_call: {@code cpu} C = 512 candidates, H = 5
 * (CMA-ES over 40 numbers, full covariance), {@code paper} C = 2048, H = 10 (80 numbers, separable);
 * both in 4 generations of C / 4, one problem, the untrained state decoder. The two searches alternate
 * through the repeats so a load change on the machine hits both; one JSON line each, the median ms, and
 * CMA-ES's line carries its ratio to CEM. Meaningful only on a quiet machine.
 */
public final class PlanSearchBench {
    private PlanSearchBench() {}

    static final int ITERATIONS = 4;

    /** Runs the preset's shape ("paper" or "cpu"); returns the medians {cem, cmaes} in ms. */
    public static double[] run(String preset, PrintStream out) {
        int[] shape = BenchPresets.planShape(BenchPresets.sectar(preset));
        return run(preset, shape[0], shape[1], NnBench.REPEATS, out);
    }

    /** One warm-up call each, then {@code repeats} alternating timed calls; prints two JSON lines. */
    static double[] run(String preset, int candidates, int h, int repeats, PrintStream out) {
        SectarConfig cfg = BenchPresets.sectar(preset).model();
        Sectar m = new Sectar(cfg, NnBench.OBS, NnBench.ACTIONS, true, NnBench.T, false, Seeds.rng(0, "bench/init"));
        LatentStateModel model = SectarModels.stateModel(m);
        PlanScorer scorer = new PlanScorer(Tasks.spec("waypoint", 0).reward(), 0.99, 0.05, 5.6);
        double[][] starts = {{-1.5, 0.5}};
        int[] stages = {0};
        int population = candidates / ITERATIONS;
        LatentSearch[] searches = {new CrossEntropySearch(population, ITERATIONS, Math.max(1, population / 8), 0.05),
                new CmaEsSearch(population, ITERATIONS, false)};
        double[][] ms = new double[searches.length][repeats];
        for (int r = -1; r < repeats; r++)
            for (int s = 0; s < searches.length; s++) {
                long t0 = System.nanoTime();
                searches[s].plan(model, scorer, starts, stages, h, Seeds.rng(r, "bench/plan"));
                if (r >= 0) ms[s][r] = (System.nanoTime() - t0) / 1e6;
            }
        double cem = median(ms[0]), cma = median(ms[1]);
        String shape = String.format(Locale.ROOT, ",\"evaluations\":%d,\"generations\":%d,\"H\":%d,\"latent_numbers\":%d",
                searches[0].evaluationsPerProblem(), ITERATIONS, h, h * model.latentDim());
        NnBench.emit(out, "plan_search_cem", preset, shape, "ms", cem);
        NnBench.emit(out, "plan_search_cmaes", preset, shape + String.format(Locale.ROOT, ",\"vs_cem\":%.3f", cma / cem), "ms", cma);
        return new double[] {cem, cma};
    }

    private static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        return s[s.length / 2];
    }
}
