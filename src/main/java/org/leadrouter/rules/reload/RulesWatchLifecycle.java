package org.leadrouter.rules.reload;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;
import java.io.IOException;
import org.jboss.logging.Logger;
import org.leadrouter.rules.RulesConfig;
import org.leadrouter.rules.SegmentRegistry;

/** Starts the rules watcher once the segments have loaded (if {@code leadrouter.rules.watch}), stops it on shutdown. */
@ApplicationScoped
public class RulesWatchLifecycle {

    private static final Logger LOG = Logger.getLogger(RulesWatchLifecycle.class);

    private final SegmentRegistry registry;
    private final RulesConfig config;
    private RulesWatcher watcher;

    public RulesWatchLifecycle(SegmentRegistry registry, RulesConfig config) {
        this.registry = registry;
        this.config = config;
    }

    // After the registry's own startup load (default observer priority), so the first load is complete.
    void onStart(@Observes @Priority(Interceptor.Priority.APPLICATION + 600) StartupEvent event) {
        if (!config.watch()) {
            LOG.info("rules watch is off: reload with POST /segments/reload");
            return;
        }
        try {
            watcher = RulesWatcher.start(registry, config.debounce());
        } catch (IOException e) {
            LOG.errorf("cannot watch the rules folder %s (%s): reload with POST /segments/reload",
                    registry.rulesRoot(), e.getMessage());
        }
    }

    void onStop(@Observes ShutdownEvent event) {
        if (watcher != null) {
            watcher.close();
        }
    }
}
