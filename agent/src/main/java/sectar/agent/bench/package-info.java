/**
 * Micro-benchmarks of the agent's hot paths (VAE step, planning call, PPO update, batch-1 acting),
 * each printing one JSON line comparable with the PyTorch reference on the same shapes.
 */
package sectar.agent.bench;
