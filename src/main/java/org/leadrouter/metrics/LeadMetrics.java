package org.leadrouter.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.leadrouter.routing.RouteDecision;
import org.leadrouter.rules.SegmentRegistry;

/**
 * Intake and routing as metrics (GET /q/metrics): leads recorded per segment and route kind (the
 * volume of fallback-routed leads), degraded pipeline steps, and the time a decision takes.
 * Meters are cached per tag set because looking one up costs more than the decision's own
 * bookkeeping; a segment the service does not know is counted as "unknown", so callers cannot
 * create meters at will.
 */
@ApplicationScoped
public class LeadMetrics {

    static final String UNKNOWN_SEGMENT = "unknown";

    private final MeterRegistry registry;
    private final SegmentRegistry segments;
    private final Map<String, Counter> recorded = new ConcurrentHashMap<>();
    private final Map<String, Counter> degraded = new ConcurrentHashMap<>();
    private final Map<String, Timer> deciding = new ConcurrentHashMap<>();

    public LeadMetrics(MeterRegistry registry, SegmentRegistry segments) {
        this.registry = registry;
        this.segments = segments;
    }

    /** Starts timing a decision; pass the sample back to {@link #decided}. */
    public Timer.Sample startDecision() {
        return Timer.start(registry);
    }

    public void decided(Timer.Sample sample, RouteDecision decision) {
        String segment = tag(decision.segment());
        sample.stop(deciding.computeIfAbsent(segment, s -> Timer.builder("leadrouter.decision")
                .description("Time to validate, normalise, enrich, score and route one lead")
                .tag("segment", s).register(registry)));
    }

    /** A lead recorded for the first time with its decision. */
    public void recorded(RouteDecision decision) {
        String segment = tag(decision.segment());
        String route = decision.fallback() ? "fallback" : "rule";
        recorded.computeIfAbsent(segment + '\n' + route, key -> Counter.builder("leadrouter.leads.recorded")
                .description("Leads recorded, by segment and by whether a rule or a fallback chose the route")
                .tag("segment", segment).tag("route", route).register(registry)).increment();
        for (String step : decision.degraded()) {
            degraded.computeIfAbsent(segment + '\n' + step, key -> Counter.builder("leadrouter.leads.degraded")
                    .description("Recorded leads for which a pipeline step failed and was worked around")
                    .tag("segment", segment).tag("step", step).register(registry)).increment();
        }
    }

    private String tag(String segment) {
        return segments.knows(segment) ? segment : UNKNOWN_SEGMENT;
    }
}
