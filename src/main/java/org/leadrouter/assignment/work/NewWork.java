package org.leadrouter.assignment.work;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.leadrouter.assignment.work.MatchKeys;
import org.leadrouter.intake.LeadRecord;
import org.leadrouter.routing.RouteDecision;

/**
 * What a routed lead brings to its work item. {@code routingRule} is the rule that routed it, if
 * any; {@code matchKeys} identify its customer for sticky routing (see MatchKeys).
 */
public record NewWork(String id, String segment, String queue, Map<String, Integer> requiredSkills, int priority,
                      int score, String routingRule, boolean fallback, Instant receivedAt, Instant routedAt,
                      Set<String> matchKeys) {

    /** Work whose customer is not known (no contact to match on). */
    public NewWork(String id, String segment, String queue, Map<String, Integer> requiredSkills, int priority,
                   int score, String routingRule, boolean fallback, Instant receivedAt, Instant routedAt) {
        this(id, segment, queue, requiredSkills, priority, score, routingRule, fallback, receivedAt, routedAt, Set.of());
    }

    public static NewWork of(LeadRecord record) {
        RouteDecision d = record.decision();
        return new NewWork(record.lead().id(), record.lead().segment(), d.queue(), d.requiredSkills(), d.priority(),
                d.score(), routingRule(d.rulesFired()), d.fallback(), record.lead().receivedAt(), d.decidedAt(),
                MatchKeys.of(record.lead().contact(), record.lead().attributes()));
    }

    /** Scoring rules fire first and routing stops at the first route, so the last rule fired is the one that routed. */
    static String routingRule(List<String> rulesFired) {
        return rulesFired == null || rulesFired.isEmpty() ? null : rulesFired.get(rulesFired.size() - 1);
    }
}
