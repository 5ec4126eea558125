package org.leadrouter.rules.reload;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;
import org.leadrouter.background.DaemonThreads;

/**
 * The threads that compile and gate rule versions. A compile takes a processor for as long as it
 * runs; on a two-core machine that is half the service, so the thread asks the operating system
 * for the lowest share of the processor (nice 19) and decisions on the request threads win
 * whenever both want to run. Java's own thread priority reaches Linux only with
 * {@code -XX:ThreadPriorityPolicy=1} as root, so it is set too but not relied on.
 */
final class LowPriorityThread {

    private static final Logger LOG = Logger.getLogger(LowPriorityThread.class);
    /** The weakest claim on a processor that Linux lets any user give a thread of their own. */
    static final int NICE = 19;

    private LowPriorityThread() {
    }

    /** A daemon that lowers its own operating-system priority before it runs anything. */
    static Thread daemon(Runnable runnable, String name) {
        Thread thread = DaemonThreads.daemon(() -> {
            lowerCurrent();
            runnable.run();
        }, name);
        thread.setPriority(Thread.MIN_PRIORITY);
        return thread;
    }

    /**
     * On Linux each thread is a task with a nice value of its own, and raising it needs no
     * privilege; elsewhere, or without renice, the thread keeps its priority and says so once.
     */
    static void lowerCurrent() {
        Optional<String> task = currentTaskId();
        if (task.isEmpty()) {
            LOG.debugf("thread %s keeps its priority: this system does not name its threads' tasks",
                    Thread.currentThread().getName());
            return;
        }
        try {
            Process renice = new ProcessBuilder("renice", "-n", Integer.toString(NICE), "-p", task.get())
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (!renice.waitFor(5, TimeUnit.SECONDS) || renice.exitValue() != 0) {
                renice.destroyForcibly();
                LOG.warnf("thread %s keeps its priority: renice did not succeed; reloads compete with decisions for the processor",
                        Thread.currentThread().getName());
            }
        } catch (IOException e) {
            LOG.warnf("thread %s keeps its priority: renice is not available (%s); reloads compete with decisions for the processor",
                    Thread.currentThread().getName(), e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The calling thread's task id on Linux ({@code /proc/thread-self} links to {@code <pid>/task/<tid>}). */
    static Optional<String> currentTaskId() {
        try {
            return Optional.of(Files.readSymbolicLink(Path.of("/proc/thread-self")).getFileName().toString());
        } catch (IOException | UnsupportedOperationException e) {
            return Optional.empty();
        }
    }
}
