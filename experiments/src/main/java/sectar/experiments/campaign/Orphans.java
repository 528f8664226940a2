package sectar.experiments.campaign;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Child runs left by a campaign that was killed with SIGKILL (its children outlive it): a live
 * {@code sectar train}/{@code resume} process whose arguments name a run's folder. A campaign started
 * again waits for such a process instead of writing into the same folder beside it.
 */
final class Orphans {
    private Orphans() {}

    /** Live processes other than this one running the CLI on {@code runDir}. */
    static List<ProcessHandle> writing(Path runDir) {
        String dir = runDir.toAbsolutePath().normalize().toString();
        long self = ProcessHandle.current().pid();
        return ProcessHandle.allProcesses()
                .filter(p -> p.pid() != self && p.isAlive())
                .filter(p -> {
                    Optional<String[]> args = p.info().arguments();
                    if (args.isEmpty()) return false;
                    List<String> a = Arrays.asList(args.get());
                    return a.contains(ChildRun.MAIN) && a.contains(dir);
                })
                .toList();
    }

    /** Blocks until every process writing {@code runDir} has exited; returns how many there were. */
    static int awaitAll(Path runDir) {
        List<ProcessHandle> left = writing(runDir);
        for (ProcessHandle p : left) p.onExit().join();
        return left.size();
    }
}
