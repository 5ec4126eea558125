package org.leadrouter.rules;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready once the rules have been loaded. A failed segment does not make the service unready:
 * its leads still get a route (the fallback), which is the whole point.
 */
@Readiness
@ApplicationScoped
public class RulesReadinessCheck implements HealthCheck {

    private final SegmentRegistry registry;

    public RulesReadinessCheck(SegmentRegistry registry) {
        this.registry = registry;
    }

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named("rules").status(registry.started());
        for (SegmentStatus segment : registry.statuses()) {
            response.withData(segment.name(), segment.status() == SegmentStatus.Status.ACTIVE
                    ? "ACTIVE " + segment.rulesetVersion() : segment.status().name());
        }
        return response.build();
    }
}
