package sectar.agent.vae;

import sectar.sim.TaskSpec;
import sectar.sim.tasks.Tasks;

/** Task specs the tests share. */
final class Tasks2 {
    private Tasks2() {}

    static final TaskSpec WAYPOINT = Tasks.spec("waypoint", 0);
}
