package sectar.experiments.train;

import sectar.agent.loop.ExplorerConfig;
import sectar.agent.rl.PpoConfig;
import sectar.agent.vae.SectarConfig;
import sectar.planner.MpcConfig;

/** A SeCTAR run small enough for tests of the loop's bookkeeping (it does not learn much). */
final class TinySectar {
    private TinySectar() {}

    static SectarRunConfig config(long seed, int iterations) {
        return new SectarRunConfig("waypoint", 0, Preset.cpu, seed, iterations,
                SectarConfig.cpu().withSizes(16, 16).withBatchSize(16),
                new MpcConfig(2, 16, 2, 3, 0.99, 0.05, sectar.planner.SearchMethod.shooting, 4, 2, false, false, 0),
                new ExplorerConfig(8, 2, new int[] {16}, 0, 0, 1.34, 1),
                PpoConfig.sectar(), 2, 2, 1, 4, 4, 1000, 100, 1, false, sectar.agent.loop.PriorConfig.RELEASED, 0);
    }
}
