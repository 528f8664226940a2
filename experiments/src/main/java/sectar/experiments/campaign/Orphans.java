package sectar.experiments.campaign;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Child runs left by a campaign that was killed with SIGKILL (its children outlive it): a live
 * {@code sectar train}/{@code resume} process whose arguments name a run's folder. A campaign started
 * again waits for such a process instead of writing into the same folder beside it.
 */
public final class Orphans {
    private Orphans() {}

    /** Live processes other than this one running the CLI on {@code runDir}. */
    public static List<ProcessHandle> writing(Path runDir) {
        String dir = runDir.toAbsolutePath().normalize().toString();
        long self = ProcessHandle.current().pid();
        return ProcessHandle.allProcesses()
                .filter(p -> p.pid() != self && p.isAlive())
                .filter(p -> {
                    List<String> a = arguments(p);
                    return a.contains(ChildRun.MAIN) && a.contains(dir);
                })
                .toList();
    }

    /**
     * A process's command line. On Linux from /proc/PID/cmdline, because {@code ProcessHandle.Info.arguments()}
     * comes back empty for a command line of a few kilobytes, such as a long class path.
     */
    public static List<String> arguments(ProcessHandle p) {
        Path proc = Path.of("/proc", Long.toString(p.pid()), "cmdline");
        try {
            if (Files.isReadable(proc)) return Arrays.asList(new String(Files.readAllBytes(proc), StandardCharsets.UTF_8).split("\0"));
        } catch (IOException ended) {
            return List.of(); // the process exited while we looked
        }
        Optional<String[]> args = p.info().arguments();
        return args.map(Arrays::asList).orElse(List.of());
    }

    /** Blocks until every process writing {@code runDir} has exited; returns how many there were. */
    public static int awaitAll(Path runDir) {
        List<ProcessHandle> left = writing(runDir);
        for (ProcessHandle p : left) p.onExit().join();
        return left.size();
    }
}
