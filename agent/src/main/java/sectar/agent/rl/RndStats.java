package sectar.agent.rl;

import java.util.Map;

/**
 * Diagnostics of one PPO + RND update.
 *
 * @param ppo                the PPO update's own (its value loss is the extrinsic value net's)
 * @param intrinsicReward    mean intrinsic reward of the batch, after scaling
 * @param intrinsicValueLoss 0.5 * mean squared error of the intrinsic value net, over all minibatch steps
 * @param predictorLoss      mean novelty of the samples the predictor trained on, before each step
 */
public record RndStats(PpoStats ppo, double intrinsicReward, double intrinsicValueLoss, double predictorLoss) {
    /** Its metrics.csv columns, in order: PPO's, then intrinsic_reward, intrinsic_value_loss, predictor_loss. */
    public Map<String, Object> columns() {
        Map<String, Object> c = ppo.columns();
        c.put("intrinsic_reward", intrinsicReward);
        c.put("intrinsic_value_loss", intrinsicValueLoss);
        c.put("predictor_loss", predictorLoss);
        return c;
    }
}
