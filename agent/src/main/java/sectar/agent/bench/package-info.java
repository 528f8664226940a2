/** Micro-benchmarks of the neural core against the PyTorch reference figures (shared/perf/README.md). */
package sectar.agent.bench;
