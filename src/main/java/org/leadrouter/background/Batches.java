package org.leadrouter.background;

import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * How the service's writer threads take work from their queues: every item waiting, in one batch,
 * so the slower the writer, the larger and fewer its transactions.
 */
public final class Batches {

    /** How long a take waits for a first item before its thread looks again at whether to stop. */
    private static final long WAIT_MILLIS = 100;

    private Batches() {
    }

    /**
     * Waits briefly for a first item, then adds it and up to {@code max - 1} more waiting ones to
     * {@code batch}; false, with nothing added, when none came.
     */
    public static <T> boolean take(BlockingQueue<T> queue, List<T> batch, int max) throws InterruptedException {
        T first = queue.poll(WAIT_MILLIS, TimeUnit.MILLISECONDS);
        if (first == null) {
            return false;
        }
        batch.add(first);
        queue.drainTo(batch, max - 1);
        return true;
    }

    /**
     * After a take: waits {@code nanos} for more items, then adds those waiting, up to {@code max}
     * in all. An interrupt cuts the wait short but not the batch: its items are already taken, so
     * they stay for the caller to write, and the interrupt is kept for its next take.
     */
    public static <T> void gather(BlockingQueue<T> queue, List<T> batch, int max, long nanos) {
        if (nanos <= 0 || batch.size() >= max) {
            return;
        }
        try {
            TimeUnit.NANOSECONDS.sleep(nanos);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        queue.drainTo(batch, max - batch.size());
    }
}
