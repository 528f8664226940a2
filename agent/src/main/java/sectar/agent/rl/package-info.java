/**
 * Policy-gradient machinery shared by the flat baselines and SeCTAR: advantage estimation, rollout
 * batches, PPO and TRPO updates. Plain Java except where a network is trained.
 */
package sectar.agent.rl;
