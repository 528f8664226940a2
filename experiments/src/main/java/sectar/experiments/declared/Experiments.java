package sectar.experiments.declared;

import sectar.experiments.campaign.Experiment;
import sectar.sim.tasks.Tasks;

/** The per-task experiment declarations by task name. */
public final class Experiments {
    private Experiments() {}

    /** The declared experiment of {@code task}. */
    public static Experiment of(String task) {
        return switch (task) {
            case "waypoint" -> Waypoint.experiment();
            case "block" -> Block.experiment();
            case "wheeled" -> Wheeled.experiment();
            case "swimmer" -> Swimmer.experiment();
            default -> {
                Tasks.entry(task); // names the known tasks
                throw new IllegalArgumentException("task '" + task + "' has no experiment main");
            }
        };
    }
}
