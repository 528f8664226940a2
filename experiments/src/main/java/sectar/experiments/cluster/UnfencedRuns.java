package sectar.experiments.cluster;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import sectar.experiments.campaign.Orphans;
import sectar.experiments.run.RunFence;

/**
 * Runs on this machine that write a run folder without a fence: those a killed local campaign left
 * running (a cluster's runs carry their epoch and stop themselves once taken over). A worker waits for
 * them before it starts the run there, as a local campaign does.
 */
final class UnfencedRuns {
    private UnfencedRuns() {}

    /** Blocks until no unfenced process writes {@code dir}, telling {@code say} when it waits. */
    static void await(Path dir, Consumer<String> say) {
        List<ProcessHandle> left = Orphans.writing(dir).stream().filter(p -> !fenced(p)).toList();
        if (left.isEmpty()) return;
        say.accept("waiting for pid " + left.get(0).pid() + ", left running in its folder by a killed local campaign");
        for (ProcessHandle p : left) p.onExit().join();
    }

    /** Whether process {@code p} was started with an epoch (its environment names {@value RunFence#ENV}); unknown counts as not. */
    private static boolean fenced(ProcessHandle p) {
        try {
            byte[] env = Files.readAllBytes(Path.of("/proc", Long.toString(p.pid()), "environ"));
            return Arrays.stream(new String(env, StandardCharsets.ISO_8859_1).split("\0")).anyMatch(v -> v.startsWith(RunFence.ENV + "="));
        } catch (IOException | SecurityException unreadable) {
            return false;
        }
    }
}
