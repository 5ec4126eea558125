package org.leadrouter.coverage;

import java.time.Instant;

/**
 * One rule over a window: how often it fired, how many leads it routed (it was the last rule to
 * fire) and how many of those an agent accepted. {@code acceptanceRate} is null when it routed none.
 */
public record RuleCoverage(String rule, long fired, long routed, long accepted, Double acceptanceRate, Instant lastFired) {
}
