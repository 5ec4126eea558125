package org.leadrouter.rules;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The service's one rules deadline watchdog, counting each stopped evaluation per segment. */
@ApplicationScoped
public class RuleDeadlines {

    static final String EXCEEDED_METER = "leadrouter.rules.deadline.exceeded";

    private final Map<String, Counter> exceeded = new ConcurrentHashMap<>();

    /**
     * Never closed: while the service shuts down, a request may still be stuck in a rule, and only
     * the watchdog ends it. Its thread is a daemon, so it does not keep
     * the JVM alive.
     */
    @Produces
    @Singleton
    EvaluationWatchdog watchdog(RulesConfig config, MeterRegistry meters) {
        EvaluationWatchdog watchdog = new EvaluationWatchdog(config.deadline(), stopped -> exceeded.computeIfAbsent(
                stopped.segment(), segment -> Counter.builder(EXCEEDED_METER)
                        .description("Rule evaluations stopped for running past leadrouter.rules.deadline")
                        .tag("segment", segment).register(meters)).increment());
        // Shutdown waits for the threads deciding leads, and a SIGTERM during start-up waits for
        // the start-up's gates: none may wait out a long deadline in a rule. A JVM hook runs on
        // SIGTERM whatever state the application is in, unlike the application's own events.
        Runtime.getRuntime().addShutdownHook(new Thread(watchdog::stopEverything, "rules-deadline-shutdown"));
        return watchdog;
    }
}
