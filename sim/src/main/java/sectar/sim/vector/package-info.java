/**
 * N environments of one task instance stepped together ({@link sectar.sim.vector.VectorEnv}, with
 * auto-reset) as a task's own {@link sectar.sim.EnvBatch} or as separate envs ({@code SeparateEnvs}),
 * each step split over one helper thread ({@code SliceWorker}) when measuring
 * ({@code SplitDecision}) shows it is faster. Depends on the contract ({@code sectar.sim}), and on the
 * registry ({@code sectar.sim.tasks}) only for {@link sectar.sim.vector.VectorEnv#of}.
 */
package sectar.sim.vector;
