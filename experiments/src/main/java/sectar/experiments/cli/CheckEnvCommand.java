package sectar.experiments.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import sectar.sim.Episode;
import sectar.sim.Policy;
import sectar.sim.Seeds;
import sectar.sim.TaskInstance;
import sectar.sim.TaskSpec;
import sectar.sim.tasks.EnvChecker;
import sectar.sim.tasks.Tasks;

/**
 * {@code sectar check-env <task>}: the env contract checks on each instance, plus the expert's and a
 * uniform random policy's mean return (the expert should score well above random).
 */
@Command(name = "check-env", mixinStandardHelpOptions = true,
        description = "Check a task's env contract (EnvChecker) per instance and print expert vs random mean return. "
                + "Exit 0 only if every check holds.")
final class CheckEnvCommand implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "TASK", description = "task name (see `sectar tasks`)")
    String task;

    @Option(names = "--instance", paramLabel = "K", description = "check only instance K (default: all of them)")
    Integer instance;

    @Option(names = "--instances-file", paramLabel = "FILE", description = InstanceChoice.FILE_HELP)
    Path instancesFile;

    @Option(names = "--seed", defaultValue = "0", description = "run seed (default: ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--episodes", defaultValue = "3", description = "episodes per policy for the mean returns (default: ${DEFAULT-VALUE})")
    int episodes;

    @Override public Integer call() {
        if (episodes < 1) throw new IllegalArgumentException("--episodes must be >= 1, got " + episodes);
        // every instance is read and validated before any work
        List<TaskInstance> all = instancesFile == null ? Tasks.bundled(task) : Tasks.instances(task, instancesFile);
        List<TaskInstance> instances = instance == null ? all : List.of(Tasks.instance(task, instancesFile, instance));
        PrintWriter out = spec.commandLine().getOut();
        int failed = 0;
        for (TaskInstance inst : instances) {
            int k = inst.index();
            TaskSpec taskSpec = Tasks.spec(inst);
            long s = Seeds.derive(seed, "check-env/" + task + "/" + k);
            List<String> problems = EnvChecker.check(() -> Tasks.make(taskSpec), Tasks.expert(taskSpec), s);
            double expert = meanReturn(taskSpec, Tasks.expert(taskSpec), "expert");
            double random = meanReturn(taskSpec, Policy.random(taskSpec.actionSpace()), "random");
            out.printf("%s instance %d: %s  expert %.2f  random %.2f  (mean return over %d episodes, max %d)%n", task, k,
                    problems.isEmpty() ? "ok" : problems.size() + " problem(s)", expert, random, episodes,
                    taskSpec.maxReturn());
            for (String p : problems) out.println("  problem: " + p);
            if (!problems.isEmpty()) failed++;
        }
        out.println(failed == 0 ? "all checks passed" : failed + " instance(s) failed");
        out.flush();
        return failed == 0 ? 0 : 1;
    }

    private double meanReturn(TaskSpec taskSpec, Policy policy, String name) {
        double total = 0;
        for (int e = 0; e < episodes; e++) {
            String stream = "check-env/" + task + "/" + taskSpec.instance() + "/" + name + "/" + e;
            total += Episode.run(Tasks.make(taskSpec), policy, Seeds.derive(seed, stream + "/reset"),
                    Seeds.rng(seed, stream + "/actions")).totalReward();
        }
        return total / episodes;
    }
}
