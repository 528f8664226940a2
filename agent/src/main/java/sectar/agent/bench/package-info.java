/**
 * Micro-benchmarks of the agent's hot paths, each printing one JSON line comparable with the PyTorch
 * reference figures in the project's perf notes (same shapes, same settings).
 */
package sectar.agent.bench;
