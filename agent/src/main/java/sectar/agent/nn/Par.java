package sectar.agent.nn;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Two-way parallelism for independent halves of a pass (the two directions of a bidirectional LSTM,
 * two halves of the planning candidates): the caller runs one half, a single daemon helper thread the
 * other, each with one BLAS thread. The halves touch disjoint buffers, so results do not depend on
 * timing. Calls from the helper thread itself, or while it is busy, run sequentially (no nested
 * deadlock, no queueing).
 */
public final class Par {
    private Par() {}

    private static volatile Thread helper;
    private static final ExecutorService EX = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "sectar-nn-helper");
        t.setDaemon(true);
        helper = t;
        return t;
    });

    private static final AtomicBoolean BUSY = new AtomicBoolean();

    /**
     * Runs a and b, b on the helper thread when {@code parallel} and the helper is idle (a call made
     * while the helper works for someone else runs both halves itself instead of queueing behind it);
     * returns when both are done.
     */
    public static void both(boolean parallel, Runnable a, Runnable b) {
        if (!parallel || Thread.currentThread() == helper || !BUSY.compareAndSet(false, true)) {
            a.run();
            b.run();
            return;
        }
        Future<?> f;
        try {
            f = EX.submit(() -> {
                try {
                    Nd.init();
                    b.run();
                } finally {
                    BUSY.set(false);
                }
            });
        } catch (RuntimeException e) {
            BUSY.set(false);
            throw e;
        }
        Throwable first = null;
        try {
            a.run();
        } catch (RuntimeException | Error e) {
            first = e;
        }
        try {
            f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the helper thread", e);
        } catch (ExecutionException e) {
            if (first == null) first = e.getCause();
        }
        if (first instanceof RuntimeException re) throw re;
        if (first instanceof Error er) throw er;
        if (first != null) throw new IllegalStateException(first);
    }
}
