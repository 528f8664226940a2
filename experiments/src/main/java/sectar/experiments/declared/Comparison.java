package sectar.experiments.declared;

import java.util.List;
import sectar.experiments.campaign.AlgoSetup;
import sectar.experiments.campaign.Budget;
import sectar.experiments.campaign.Experiment;
import sectar.experiments.train.Algorithm;
import sectar.experiments.train.Preset;

/** The comparison campaign each task's experiment declares, with the task's own SeCTAR budget. */
final class Comparison {
    private Comparison() {}

    /**
     * The comparison every task declares: SeCTAR on its cpu preset for {@code sectarIterations}
     * iterations, then PPO, TRPO, PPO + RND and the one-step MPC (cpu presets) at the env steps of
     * SeCTAR's runs of the same instance; seeds 1-3 on instance 0 (instances 1-4 with
     * {@code --instances 1-4 --seeds 1}).
     */
    static Experiment of(String task, int sectarIterations) {
        return new Experiment(task, List.of(
                AlgoSetup.of(Algorithm.sectar, Preset.cpu, Budget.iterations(sectarIterations)),
                AlgoSetup.of(Algorithm.ppo, Preset.cpu, Budget.matchSectar()),
                AlgoSetup.of(Algorithm.trpo, Preset.cpu, Budget.matchSectar()),
                AlgoSetup.of(Algorithm.ppo_rnd, Preset.cpu, Budget.matchSectar()),
                AlgoSetup.of(Algorithm.mpc1step, Preset.cpu, Budget.matchSectar())),
                3, List.of(0));
    }
}
