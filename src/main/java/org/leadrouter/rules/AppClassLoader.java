package org.leadrouter.rules;

import java.util.function.Supplier;
import org.leadrouter.facts.Lead;

/**
 * Runs rule work (building, trial runs) with the application's class loader as the thread's
 * context loader. Drools resolves fact classes through the context loader, which on watcher and
 * executor threads of the packaged jar is not the one that loaded the facts.
 */
final class AppClassLoader {

    private static final ClassLoader RULES_LOADER = new MissCachingClassLoader(Lead.class.getClassLoader());

    private AppClassLoader() {
    }

    /** The application's classes, through one loader that remembers the names it lacks. */
    static ClassLoader get() {
        return RULES_LOADER;
    }

    static <T> T run(Supplier<T> work) {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(get());
        try {
            return work.get();
        } finally {
            thread.setContextClassLoader(previous);
        }
    }
}
