package org.leadrouter.intake;

import java.time.Instant;
import org.leadrouter.lead.LeadInput;
import org.leadrouter.routing.RouteDecision;

/**
 * What the service keeps of one lead: the lead as received, the decision it was answered with,
 * and when that was committed. An object rather than a bare decision so that later facts about
 * the lead (assignments) can sit beside these.
 */
public record LeadRecord(LeadInput lead, RouteDecision decision, Instant recordedAt) {
}
