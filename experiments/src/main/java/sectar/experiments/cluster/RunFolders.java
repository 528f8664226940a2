package sectar.experiments.cluster;

import java.nio.file.Path;
import sectar.experiments.campaign.RunState;
import sectar.experiments.run.RunFence;

/**
 * What the shared run folders say about runs, the ground truth the coordinator holds the run map to: a
 * run is finished only if its folder says so, and its epoch never falls behind its folder's fence.
 */
final class RunFolders {
    private RunFolders() {}

    /**
     * The entry for a run whose map state was lost (a coordinator started again, or an entry gone or
     * overwritten while it lives): finished if its folder is, else held for one lease under its folder's
     * epoch when a claim ever reached the folder (a worker may still run it: its renewal adopts the
     * claim, or its own timer stops the run before anyone else may claim it), else pending.
     */
    static RunEntry seed(Path dir, long now, long leaseMillis) {
        long epoch = Math.max(0, RunFence.epoch(dir));
        if (finished(dir)) return RunEntry.finishedBefore(epoch);
        return epoch > 0 ? RunEntry.heldUntil(epoch, now + leaseMillis) : RunEntry.pending(epoch);
    }

    /** metadata.json says completed. */
    static boolean finished(Path dir) { return RunState.of(dir) == RunState.FINISHED; }

    /** A failed attempt of {@code epoch} is real only if its claim reached the folder (only the shared folder's users can do that). */
    static boolean reachedFolder(Path dir, long epoch) { return RunFence.epoch(dir) >= epoch; }
}
