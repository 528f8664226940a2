package sectar.experiments.mains;

import java.util.ArrayList;
import java.util.List;
import sectar.experiments.cli.Main;

/** The shared body of the per-task Java mains. */
final class Launch {
    private Launch() {}

    /** Runs {@code sectar experiment <task> <args>}. */
    static void experiment(String task, String[] args) {
        List<String> all = new ArrayList<>(List.of("experiment", task));
        all.addAll(List.of(args));
        Main.main(all.toArray(String[]::new));
    }
}
