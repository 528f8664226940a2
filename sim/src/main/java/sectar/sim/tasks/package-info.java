/**
 * The task registry and what works over every registered task: {@link sectar.sim.tasks.Tasks}, the four
 * tasks by name ({@code Tasks.make("block", 2)}, {@code spec}, {@code expert}, {@code instance}),
 * {@link sectar.sim.tasks.TaskFile}, which reads the bundled and user instance files against each task's
 * {@link sectar.sim.InstanceFormat}, and {@link sectar.sim.tasks.EnvChecker}, the contract checks.
 * Depends on the contract ({@code sectar.sim}) and the four task packages; the contract's
 * {@link sectar.sim.TaskInstance} reaches back here for its JSON form (through {@code TaskFile}).
 */
package sectar.sim.tasks;
