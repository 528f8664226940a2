package sectar.experiments.train;

import sectar.sim.TaskInstance;
import sectar.sim.TaskSpec;
import sectar.sim.tasks.Tasks;

/** The task instance a run config embeds, shared by the three config records. */
final class RunTask {
    private RunTask() {}

    /** An embedded instance must be of the run's task. */
    static void check(String task, TaskInstance embedded) {
        if (embedded != null && !embedded.task().equals(task))
            throw new IllegalArgumentException("the config's taskInstance is of task '" + embedded.task() + "', its task is '"
                    + task + "'");
    }

    /** The spec of the embedded instance; configs written before instances were embedded name a bundled one. */
    static TaskSpec spec(String task, int instance, TaskInstance embedded) {
        return Tasks.spec(embedded != null ? embedded : Tasks.instance(task, instance));
    }
}
