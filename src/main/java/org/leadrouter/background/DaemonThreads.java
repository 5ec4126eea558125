package org.leadrouter.background;

import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The service's own background threads: named, so a thread dump or a profile says whose work it
 * is, and daemons, so none of them holds the JVM open at shutdown.
 */
public final class DaemonThreads {

    private DaemonThreads() {
    }

    /** A daemon thread called {@code name}, not started. */
    public static Thread daemon(Runnable runnable, String name) {
        Thread thread = new Thread(runnable, name);
        thread.setDaemon(true);
        return thread;
    }

    /** Daemon threads all called {@code name}, for a pool of one. */
    public static ThreadFactory named(String name) {
        return runnable -> daemon(runnable, name);
    }

    /** Daemon threads called {@code name-1}, {@code name-2}, ..., for a pool of several. */
    public static ThreadFactory numbered(String name) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> daemon(runnable, name + "-" + count.incrementAndGet());
    }
}
