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
 * Where reloads and rollbacks asked for over HTTP compile and run their gates: one daemon thread
 * at the lowest operating-system priority ({@link LowPriorityThread}), never an HTTP worker, so
 * a slow compile holds no request thread and yields the processor to decisions. Changes are serialised by the registry anyway, so a second thread would
 * only wait; a short queue keeps callers from piling up work nobody will see in time.
 */
@ApplicationScoped
public class ReloadWorker {

    /** Reloads waiting beyond the one running; more are refused with 503 rather than queued for minutes. */
    static final int QUEUE = 16;

    private final ThreadPoolExecutor executor = new ThreadPoolExecutor(1, 1, 30, TimeUnit.SECONDS,
            new ArrayBlockingQueue<>(QUEUE), runnable -> LowPriorityThread.daemon(runnable, "rules-reload-http"));

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
}
