package sectar.experiments.cluster;

import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * How a worker's idle slots look for work without re-reading the run map every second each: slots look
 * one at a time, a slot skips its look when another found nothing since the last change less than a
 * poll interval ago, and a waiting slot wakes when the run map reports a change that may free a run (a
 * listener calls {@link #changed}) or when the poll interval has passed (a lease may have run out, which
 * no event announces). So a worker reads the runs' states about once a poll interval, whatever its slots.
 */
final class IdlePacing {
    private final long pollNanos;
    private final LongSupplier nanoTime;
    private final ReentrantLock looking = new ReentrantLock();
    private long changes;
    private long emptyAtChanges = -1;
    private long emptyAt;

    IdlePacing(long pollMillis, LongSupplier nanoTime) {
        this.pollNanos = pollMillis * 1_000_000L;
        this.nanoTime = nanoTime;
    }

    /** The poll interval for lease {@code leaseMillis}: a third of it, 1 to 10 s. */
    static long pollMillis(long leaseMillis) { return Math.max(1000, Math.min(10_000, leaseMillis / 3)); }

    /** Runs {@code look} unless it is not worth it yet; empty then, or when it found nothing. */
    <T> Optional<T> look(Supplier<Optional<T>> look) {
        looking.lock();
        try {
            long at;
            synchronized (this) {
                if (emptyAtChanges == changes && nanoTime.getAsLong() - emptyAt < pollNanos) return Optional.empty();
                at = changes;
            }
            Optional<T> got = look.get();
            synchronized (this) {
                emptyAtChanges = got.isEmpty() ? at : -1;
                emptyAt = nanoTime.getAsLong();
            }
            return got;
        } finally {
            looking.unlock();
        }
    }

    /** Something may have become claimable (or the campaign ended): waiting slots wake and look. */
    synchronized void changed() {
        changes++;
        notifyAll();
    }

    /** Waits until a change or until the next look is due. */
    synchronized void await() throws InterruptedException {
        long seen = changes;
        long end = (emptyAtChanges == changes ? emptyAt : nanoTime.getAsLong()) + pollNanos;
        for (long left; changes == seen && (left = end - nanoTime.getAsLong()) > 0; ) wait(Math.max(1, left / 1_000_000));
    }
}
