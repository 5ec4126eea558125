package org.leadrouter.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;

/**
 * Assignment as metrics: offers made and how they ended per queue (Lead Acceptance Rate is
 * accepted over made), and Time to Assign (accepted minus received) per segment and queue.
 * Rates are hundreds a second at most, so meters are looked up on each use.
 */
@ApplicationScoped
public class AssignmentMetrics {

    private final MeterRegistry registry;

    public AssignmentMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    public void offerMade(String queue) {
        registry.counter("leadrouter.offers.made", "queue", queue).increment();
    }

    /** An offer ended: accepted, declined, timed_out or withdrawn. */
    public void offerClosed(String queue, String outcome) {
        registry.counter("leadrouter.offers.closed", "queue", queue, "outcome", outcome).increment();
    }

    public void accepted(String segment, String queue, Duration timeToAssign) {
        Timer.builder("leadrouter.time.to.assign")
                .description("From the lead being received to an agent accepting it")
                .tag("segment", segment).tag("queue", queue)
                .register(registry).record(timeToAssign);
    }
}
