package org.leadrouter.routing;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The answer for one lead: where it goes, how urgently, and why. {@code fallbackCause} is null when
 * a specific rule routed the lead on complete data.
 */
public record RouteDecision(
        String leadId,
        String segment,
        String queue,
        int priority,
        int score,
        Map<String, Integer> requiredSkills,
        boolean fallback,
        FallbackCause fallbackCause,
        String reason,
        List<String> rulesFired,
        String rulesetVersion,
        String region,
        List<String> degraded,
        Instant decidedAt) {
}
