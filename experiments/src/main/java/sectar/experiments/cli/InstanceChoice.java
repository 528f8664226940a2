package sectar.experiments.cli;

import java.nio.file.Path;
import java.util.List;

import sectar.sim.Seeds;
import sectar.sim.TaskInstance;
import sectar.sim.TaskSpec;
import sectar.sim.tasks.EnvChecker;
import sectar.sim.tasks.Tasks;

/**
 * The {@code --instance} / {@code --instances-file} pair of check-env, train, render and trace: a
 * bundled instance, or one read from a user file and held to the env checker before it is used.
 */
final class InstanceChoice {
    /** The help text of {@code --instances-file}. */
    static final String FILE_HELP = "instances in the bundled files' format (README: Instance files); --instance K "
            + "picks the K-th (default: the bundled instances)";

    private InstanceChoice() {}

    /**
     * Instance {@code k} of {@code task}: from {@code file}, checked with {@link EnvChecker} (a broken
     * layout, such as a swimmer arena its body leaves, fails here in one line), or the bundled one.
     */
    static TaskInstance resolve(String task, Path file, int k) {
        TaskInstance inst = Tasks.instance(task, file, k);
        if (file != null) {
            TaskSpec spec = Tasks.spec(inst);
            List<String> problems = EnvChecker.check(() -> Tasks.make(spec), Tasks.expert(spec),
                    Seeds.derive(0, "instances-file/" + task + "/" + k));
            if (!problems.isEmpty())
                throw new IllegalArgumentException(file + ": instance " + k + " fails the env checker: " + problems.get(0)
                        + (problems.size() > 1 ? " (and " + (problems.size() - 1) + " more)" : ""));
        }
        return inst;
    }
}
