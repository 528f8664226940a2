package sectar.experiments.cli;

import java.io.PrintWriter;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import sectar.experiments.cluster.ParentWatchdog;
import sectar.experiments.run.RunFence;

/**
 * Entry point of {@code sectar.jar}. User errors (unknown task, instance out of range, bad option
 * values, unwritable output) print one {@code error: <message>} line on stderr and exit 2; an
 * {@link IllegalArgumentException} thrown while a command runs counts as a user error. A cluster run
 * whose fence refused a write exits {@value sectar.experiments.run.RunFence#EXIT_SUPERSEDED}.
 */
@Command(name = "sectar", mixinStandardHelpOptions = true, version = "sectar 0.1.0",
        description = "SeCTAR (Self-Consistent Trajectory Autoencoder) on JBox2D tasks.",
        subcommands = {DemoCommand.class, TasksCommand.class, CheckEnvCommand.class, RenderCommand.class, TrainCommand.class,
                ResumeCommand.class, PlotCommand.class, BenchCommand.class, CalibrateResetCommand.class,
                TableCommand.class, ExperimentCommand.class, WorkerCommand.class, ReportCommand.class, TraceCommand.class,
                SkillsCommand.class, ExportTbCommand.class})
public final class Main implements Runnable {
    /** Exit code of a user error. */
    public static final int USAGE = 2;

    /** Exit code of a training run that diverged (a non-finite loss). */
    public static final int TRAINING_FAILED = 1;

    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.setProperty("java.awt.headless", "true");
        // ND4J otherwise prints its native build flags to stdout on first use, mixing with JSON output.
        System.setProperty("org.nd4j.log.initialization", "false");
        ParentWatchdog.startFromEnvironment(); // a cluster worker's run dies with its worker
        System.exit(commandLine().execute(args));
    }

    /** The configured command line (tests call {@code commandLine().execute(...)} with their own out/err). */
    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new Main());
        cl.setParameterExceptionHandler(Main::onBadParameters);
        cl.setExecutionExceptionHandler(Main::onExecutionError);
        return cl;
    }

    /** Without a subcommand: show the usage. */
    @Override public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    private static int onBadParameters(CommandLine.ParameterException e, String[] args) {
        return error(e.getCommandLine(), e.getMessage());
    }

    private static int onExecutionError(Exception e, CommandLine cl, CommandLine.ParseResult parsed) throws Exception {
        if (e instanceof IllegalArgumentException) return error(cl, e.getMessage());
        if (e instanceof RunFence.Superseded) { // not an error: the run goes on under its new holder
            cl.getErr().println("superseded: " + e.getMessage());
            cl.getErr().flush();
            return RunFence.EXIT_SUPERSEDED;
        }
        if (e instanceof sectar.agent.loop.NonFiniteLossException) {
            error(cl, e.getMessage() + "; the run stopped and its last checkpoint is intact");
            return TRAINING_FAILED;
        }
        throw e;
    }

    static int error(CommandLine cl, String message) {
        PrintWriter err = cl.getErr();
        err.println("error: " + (message == null ? "invalid input" : message.replace('\n', ' ')));
        err.flush();
        return USAGE;
    }
}
