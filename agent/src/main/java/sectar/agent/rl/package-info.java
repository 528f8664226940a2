/**
 * Policy-gradient machinery shared by the flat baselines and SeCTAR: advantage estimation, rollout
 * batches, PPO and TRPO updates, value nets, and PPO with random network distillation (the exploration
 * baseline). Plain Java except where a network is trained.
 */
package sectar.agent.rl;
