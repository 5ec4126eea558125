package org.leadrouter.rules.reload;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Where reloads and rollbacks asked for over HTTP compile and run their gates: one low-priority
 * daemon thread, never an HTTP worker, so a slow compile holds neither a request thread nor more
 * than one processor. Changes are serialised by the registry anyway, so a second thread would
 * only wait; a short queue keeps callers from piling up work nobody will see in time.
 */
@ApplicationScoped
public class ReloadWorker {

    /** Reloads waiting beyond the one running; more are refused with 503 rather than queued for minutes. */
    static final int QUEUE = 16;

    private final ThreadPoolExecutor executor = new ThreadPoolExecutor(1, 1, 30, TimeUnit.SECONDS,
            new ArrayBlockingQueue<>(QUEUE), runnable -> lowPriorityDaemon(runnable, "rules-reload-http"));

    public ReloadWorker() {
        executor.allowCoreThreadTimeOut(true);
    }

    /**
     * Runs the work on the reload thread; the stage completes with its result or exception.
     *
     * @throws ReloadBusyException when the queue is full
     */
    public <T> CompletionStage<T> submit(Supplier<T> work) {
        try {
            return CompletableFuture.supplyAsync(work, executor);
        } catch (RejectedExecutionException full) {
            throw new ReloadBusyException(QUEUE);
        }
    }

    @PreDestroy
    void stop() {
        executor.shutdownNow();
    }

    /**
     * A daemon at the lowest priority: the JVM passes it to the operating system only where it can
     * (on Linux with {@code -XX:ThreadPriorityPolicy=1}, as root); the single thread is the bound
     * that always holds.
     */
    static Thread lowPriorityDaemon(Runnable runnable, String name) {
        Thread thread = new Thread(runnable, name);
        thread.setDaemon(true);
        thread.setPriority(Thread.MIN_PRIORITY);
        return thread;
    }
}
