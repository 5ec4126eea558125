package org.leadrouter.routing;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jboss.logging.Logger;
import org.leadrouter.facts.Decision;
import org.leadrouter.facts.Lead;
import org.leadrouter.lead.LeadInput;
import org.leadrouter.rules.RuleDeadlineException;
import org.leadrouter.rules.RuleExecutionException;
import org.leadrouter.rules.RuleOutcome;
import org.leadrouter.rules.SegmentRegistry;
import org.leadrouter.rules.SegmentRules;

/**
 * normalise → enrich → score and route. Each step that fails degrades the decision (and says so
 * in {@code degraded}) instead of failing the lead: every lead that gets here leaves with a route.
 */
@ApplicationScoped
public class RoutingPipeline {

    public static final String STEP_RULES = "rules";

    private static final Logger LOG = Logger.getLogger(RoutingPipeline.class);

    private final SegmentRegistry segments;
    private final LeadFacts facts;
    private final RoutingConfig config;

    public RoutingPipeline(SegmentRegistry segments, LeadFacts facts, RoutingConfig config) {
        this.segments = segments;
        this.facts = facts;
        this.config = config;
    }

    public RouteDecision decide(LeadInput input) {
        return decide(input, segments.active(input.segment()));
    }

    /** Decides with a given version of the segment's rules (a replay's candidate), or none. */
    public RouteDecision decide(LeadInput input, Optional<SegmentRules> rules) {
        LeadFacts.Prepared prepared = facts.prepare(input);
        Lead lead = prepared.lead();
        String region = lead.getRegion();
        List<String> degraded = new ArrayList<>(prepared.degraded());

        if (rules.isEmpty()) {
            boolean known = segments.knows(input.segment());
            String why = known
                    ? "segment '" + input.segment() + "' has no working rules (FAILED)"
                    : "unknown segment '" + input.segment() + "'";
            return globalFallback(input, region, degraded, known ? FallbackCause.SEGMENT_FAILED : FallbackCause.UNKNOWN_SEGMENT, why);
        }
        SegmentRules segmentRules = rules.get();
        RuleOutcome outcome;
        try {
            outcome = segmentRules.evaluate(lead);
        } catch (RuleExecutionException e) {
            if (e instanceof RuleDeadlineException) {
                segments.quarantine(segmentRules);
            }
            LOG.warnf("lead %s: segment %s (%s) %s; routed to the segment fallback %s", input.id(), input.segment(),
                    segmentRules.version(), e.getMessage(), segmentRules.fallbackQueue());
            degraded.add(STEP_RULES);
            return new RouteDecision(input.id(), input.segment(), segmentRules.fallbackQueue(), 3, 0, Map.of(), true,
                    FallbackCause.RULE_FAILED, "segment fallback: " + e.getMessage(), List.of(), segmentRules.version(), region,
                    List.copyOf(degraded), Instant.now());
        }
        Decision decision = outcome.decision();
        if (!decision.isRouted()) {
            // Loading proves the catch-all routes an empty lead; a catch-all with conditions can still miss.
            return globalFallback(input, region, degraded, FallbackCause.NO_RULE_MATCHED, "no rule of " + segmentRules.version() + " routed the lead");
        }
        return new RouteDecision(input.id(), input.segment(), decision.getQueue(), decision.getPriority(),
                decision.getScore(), decision.getRequiredSkills(), decision.isFallback(), causeOf(decision, degraded),
                decision.getReason(), outcome.rulesFired(), segmentRules.version(), region, List.copyOf(degraded), Instant.now());
    }

    /** Of a decision the rules made: degraded data first, it explains whatever route followed. */
    private static FallbackCause causeOf(Decision decision, List<String> degraded) {
        if (!degraded.isEmpty()) {
            return FallbackCause.ENRICHMENT_DEGRADED;
        }
        if (decision.isIncomplete()) {
            return FallbackCause.INCOMPLETE_DATA;
        }
        return decision.isFallback() ? FallbackCause.NO_RULE_MATCHED : null;
    }

    private RouteDecision globalFallback(LeadInput input, String region, List<String> degraded, FallbackCause cause,
                                         String why) {
        return new RouteDecision(input.id(), input.segment(), config.fallbackQueue(), 3, 0, Map.of(), true, cause,
                "global fallback: " + why, List.of(), null, region, List.copyOf(degraded), Instant.now());
    }
}
