package sectar.experiments.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import sectar.experiments.trace.ActionsCsv;
import sectar.experiments.trace.StepTrace;
import sectar.sim.Env;
import sectar.sim.TaskSpec;
import sectar.sim.tasks.Tasks;

/**
 * {@code sectar trace <task> --actions a.csv}: one episode of a task instance driven by the actions
 * in a CSV, printed as one CSV line per step (see {@link StepTrace}). Its output is itself a valid
 * actions file, and replaying it prints the same lines.
 */
@Command(name = "trace", mixinStandardHelpOptions = true,
        description = "Step a task instance through the actions of a CSV file and print one CSV line per step: "
                + "step, action, observation, reward, stage, terminated, truncated (line 0: the reset).")
final class TraceCommand implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "TASK", description = "task name (see `sectar tasks`)")
    String task;

    @Option(names = "--instance", paramLabel = "K", defaultValue = "0",
            description = "instance K: of the bundled ones, or the K-th of --instances-file (default: ${DEFAULT-VALUE})")
    int instance;

    @Option(names = "--instances-file", paramLabel = "FILE",
            description = InstanceChoice.FILE_HELP)
    Path instancesFile;

    @Option(names = "--actions", paramLabel = "CSV", required = true,
            description = "one action per line: an index for a discrete task, one number per dimension otherwise; "
                    + "with a header, the columns action (or action0, action1, ...)")
    Path actions;

    @Option(names = "--seed", defaultValue = "0", description = "reset seed, for tasks with start noise (default: ${DEFAULT-VALUE})")
    long seed;

    @Override public Integer call() {
        TaskSpec taskSpec = Tasks.spec(InstanceChoice.resolve(task, instancesFile, instance));
        Env env = Tasks.make(taskSpec);
        List<double[]> steps = ActionsCsv.read(actions, env.actionSpace()); // all validated before the first line
        PrintWriter out = spec.commandLine().getOut();
        int used = StepTrace.run(env, seed, steps, out);
        if (used < steps.size()) {
            PrintWriter err = spec.commandLine().getErr();
            err.printf("note: the episode ended at step %d; the %d actions after it were not applied%n", used,
                    steps.size() - used);
            err.flush();
        }
        return 0;
    }
}
