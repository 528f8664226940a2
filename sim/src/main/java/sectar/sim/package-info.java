/**
 * The simulator's contract, what every user of a task needs: the Gymnasium-style {@link sectar.sim.Env}
 * with its {@link sectar.sim.Step}, the vector env's form {@link sectar.sim.EnvBatch},
 * {@link sectar.sim.Space}s and {@link sectar.sim.Policy}, the
 * {@link sectar.sim.TimeLimit} and {@link sectar.sim.StageObservation} wrappers, {@link sectar.sim.Episode}
 * and {@link sectar.sim.Seeds}, a task instance as data ({@link sectar.sim.TaskInstance},
 * {@link sectar.sim.InstanceFormat}, {@link sectar.sim.TaskSpec}) and the goal and stage rules every task
 * follows ({@link sectar.sim.OrderedGoals}). It knows no task and no physics engine. Its one tie outward:
 * a {@code TaskInstance} writes and reads its JSON form through the registry's instance files
 * ({@code sectar.sim.tasks.TaskFile}), which check it against its task's registered format.
 */
package sectar.sim;
