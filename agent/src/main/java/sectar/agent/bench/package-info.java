/**
 * Benchmarks of the agent, each printing one JSON line: micro-benchmarks of the hot paths (VAE step,
 * planning call, PPO update, batch-1 acting) comparable with the PyTorch reference on the same shapes,
 * and the VAE's learning quality against absolute targets ({@link sectar.agent.bench.VaeQuality}).
 */
package sectar.agent.bench;
