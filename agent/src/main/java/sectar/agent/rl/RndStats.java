package sectar.agent.rl;

/**
 * Diagnostics of one PPO + RND update.
 *
 * @param ppo                the PPO update's own (its value loss is the extrinsic value net's)
 * @param intrinsicReward    mean intrinsic reward of the batch, after scaling
 * @param intrinsicValueLoss 0.5 * mean squared error of the intrinsic value net, over all minibatch steps
 * @param predictorLoss      mean novelty of the samples the predictor trained on, before each step
 */
public record RndStats(PpoStats ppo, double intrinsicReward, double intrinsicValueLoss, double predictorLoss) {}
