package org.leadrouter.assignment.kpis;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The assignment KPIs of the items routed in [from, to): Time to Assign (accepted − received),
 * time to first offer (first offered − received), and Lead Acceptance Rate by agent, queue,
 * segment, routing rule and route kind (rule or fallback), and declines by reason code.
 */
public record AssignmentKpis(
        Instant from,
        Instant to,
        long items,
        long accepted,
        long completed,
        long escalated,
        long fallbackRoutes,
        Durations timeToAssign,
        Durations timeToFirstOffer,
        List<AcceptanceRate> byAgent,
        List<AcceptanceRate> byQueue,
        List<AcceptanceRate> bySegment,
        List<AcceptanceRate> byRule,
        List<AcceptanceRate> byRouteKind,
        Map<String, Long> declineReasons) {
}
