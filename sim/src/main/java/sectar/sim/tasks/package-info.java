/**
 * The task registry and what works over every registered task: {@link sectar.sim.tasks.Tasks}, the four
 * tasks by name ({@code Tasks.make("block", 2)}, {@code spec}, {@code expert}, {@code instance}),
 * {@link sectar.sim.tasks.TaskFile}, which reads the bundled and user instance files against each task's
 * {@link sectar.sim.InstanceFormat}, and {@link sectar.sim.tasks.EnvChecker}, the contract checks.
 * {@link sectar.sim.tasks.EmbeddedInstance} writes and reads an instance inside another JSON document
 * (a run's config). Depends on the contract ({@code sectar.sim}) and the four task packages.
 */
package sectar.sim.tasks;
