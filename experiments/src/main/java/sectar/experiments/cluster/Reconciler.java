package sectar.experiments.cluster;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * The coordinator's look at the run map, once a poll: every run must have a readable entry (a lost,
 * removed or overwritten one is seeded again from its folder at once), and a run reported finished or
 * failed counts only once its folder confirms it (metadata.json completed; a fence at the failed
 * claim's epoch), else it goes back to pending. A run confirmed once is not read again.
 */
final class Reconciler {
    private final Path root;
    private final List<String> names;
    private final RunTable table;
    private final long leaseMillis;
    private final LongSupplier clock;
    private final Consumer<String> events;
    private final Set<String> confirmedFinished = new HashSet<>();
    private final Set<String> confirmedFailed = new HashSet<>();

    Reconciler(Path root, List<String> names, RunTable table, long leaseMillis, LongSupplier clock, Consumer<String> events) {
        this.root = root;
        this.names = List.copyOf(names);
        this.table = table;
        this.leaseMillis = leaseMillis;
        this.clock = clock;
        this.events = events;
    }

    /** The run map as it stands after this look's repairs. */
    Map<String, RunEntry> poll() {
        Map<String, RunEntry> now = table.snapshot(names);
        boolean repaired = false;
        for (String n : names) {
            RunEntry e = now.get(n);
            Path dir = root.resolve(n);
            if (e == null) {
                if (table.reseed(n, RunFolders.seed(dir, clock.getAsLong(), leaseMillis)))
                    events.accept(n + "'s state was lost or unreadable; seeded again from its folder");
                repaired = true;
            } else if (e.status() == RunEntry.Status.FINISHED) {
                if (!confirmedFinished.contains(n) && !RunFolders.finished(dir)) {
                    if (table.reopen(n, RunEntry.Status.FINISHED)) events.accept(n + " was reported finished, but its folder is not; pending again");
                    repaired = true;
                } else {
                    confirmedFinished.add(n);
                }
            } else if (e.status() == RunEntry.Status.FAILED) {
                if (!confirmedFailed.contains(n + "@" + e.epoch()) && !RunFolders.reachedFolder(dir, e.epoch())) {
                    if (table.reopen(n, RunEntry.Status.FAILED)) events.accept(n + " was reported failed by a claim that never reached its folder; pending again");
                    repaired = true;
                } else {
                    confirmedFailed.add(n + "@" + e.epoch());
                }
            }
        }
        return repaired ? table.snapshot(names) : now;
    }

    /** Whether run {@code name}, now {@code e}, has ended as its folder confirms: finished, or failed for good. */
    boolean settled(String name, RunEntry e) {
        return e.status() == RunEntry.Status.FINISHED ? confirmedFinished.contains(name)
                : e.status() == RunEntry.Status.FAILED && confirmedFailed.contains(name + "@" + e.epoch());
    }
}
