package sectar.experiments.mains;

import java.util.ArrayList;
import java.util.List;
import sectar.experiments.campaign.Experiment;
import sectar.experiments.cli.Main;
import sectar.sim.tasks.Tasks;

/** The per-task experiment declarations by task name, and the shared body of their Java mains. */
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

    /** A main's body: {@code sectar experiment <task> <args>}. */
    static void main(String task, String[] args) {
        List<String> all = new ArrayList<>(List.of("experiment", task));
        all.addAll(List.of(args));
        Main.main(all.toArray(String[]::new));
    }
}
