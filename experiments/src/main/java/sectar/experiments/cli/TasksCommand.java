package sectar.experiments.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

import picocli.CommandLine;
import picocli.CommandLine.Command;

import sectar.sim.Space;
import sectar.sim.TaskSpec;
import sectar.sim.tasks.Tasks;

/** {@code sectar tasks}: the registered tasks with their spaces, lengths and best return. */
@Command(name = "tasks", mixinStandardHelpOptions = true,
        description = "List the registered tasks: observation and action spaces, episode and segment length, max return.")
final class TasksCommand implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        out.printf("%-9s %-22s %-22s %8s %8s %10s  %s%n", "task", "observation", "action", "episode", "segment", "max_return", "summary");
        for (String name : Tasks.names()) {
            TaskSpec s = Tasks.spec(name, 0);
            out.printf("%-9s %-22s %-22s %8d %8d %10d  %s%n", name, describe(s.observationSpace()), describe(s.actionSpace()),
                    s.episodeSteps(), s.segmentLength(), s.maxReturn(), Tasks.entry(name).summary());
        }
        out.printf("%d instances each (--instance 0..%d)%n", Tasks.NUM_INSTANCES, Tasks.NUM_INSTANCES - 1);
        out.flush();
        return 0;
    }

    /** A compact form: {@code Box(2) [-2.8, 2.8]} when all bounds agree, else {@code Box(15)}. */
    static String describe(Space space) {
        if (space instanceof Space.Box b) {
            double lo = b.low()[0], hi = b.high()[0];
            for (int i = 1; i < b.dim(); i++)
                if (b.low()[i] != lo || b.high()[i] != hi) return "Box(" + b.dim() + ")";
            return "Box(" + b.dim() + ") [" + fmt(lo) + ", " + fmt(hi) + "]";
        }
        return space.toString();
    }

    private static String fmt(double v) {
        return Double.isInfinite(v) ? (v > 0 ? "inf" : "-inf") : String.format("%.3g", v);
    }
}
