package org.leadrouter.background;

import java.time.Duration;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * A task run now and then on one daemon thread of its own, for the service's background checks:
 * a daemon, so it never holds the JVM open at shutdown, and a failed run is logged and retried
 * at the next, since an exception would otherwise cancel every later run without a word.
 */
public final class DaemonTimer {

    private DaemonTimer() {
    }

    /** Starts running {@code task} after {@code firstAfter}, then {@code every} after each run ends; shut it down to stop. */
    public static ScheduledExecutorService start(String threadName, Duration firstAfter, Duration every, Runnable task,
                                                 Logger log, String whenItFails) {
        return startPaced(threadName, firstAfter, () -> {
            task.run();
            return every;
        }, every, log, whenItFails);
    }

    /**
     * Starts running {@code task} after {@code firstAfter}, then again after the pause each run
     * answers (or {@code afterFailure} when a run fails); shut it down to stop: a run already going
     * ends, the one waiting for its time does not start.
     */
    public static ScheduledExecutorService startPaced(String threadName, Duration firstAfter, Supplier<Duration> task,
                                                      Duration afterFailure, Logger log, String whenItFails) {
        ScheduledThreadPoolExecutor timer = new ScheduledThreadPoolExecutor(1, DaemonThreads.named(threadName));
        // Each run schedules the next as a delayed task, which the executor would still run after a
        // shutdown, when what it works on (the database) may be closing.
        timer.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
        PacedRun run = new PacedRun(timer, task, afterFailure, log, whenItFails);
        timer.schedule(run, firstAfter.toNanos(), TimeUnit.NANOSECONDS);
        return timer;
    }

    private record PacedRun(ScheduledExecutorService timer, Supplier<Duration> task, Duration afterFailure,
                            Logger log, String whenItFails) implements Runnable {

        @Override
        public void run() {
            Duration pause = afterFailure;
            try {
                pause = task.get();
            } catch (RuntimeException e) {
                log.warn(whenItFails, e);
            }
            try {
                timer.schedule(this, pause.toNanos(), TimeUnit.NANOSECONDS);
            } catch (RejectedExecutionException stopped) {
                // Shut down while this run went on: there is no next run.
            }
        }
    }
}
