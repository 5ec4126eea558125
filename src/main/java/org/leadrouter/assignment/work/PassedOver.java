package org.leadrouter.assignment.work;

import java.time.Instant;

/**
 * Leads escalated from {@code queue} past their escalation target (everyone eligible there
 * refused them, or there was nobody), escalated further and not yet accepted: {@code items} of them, the first escalated at {@code since}.
 */
public record PassedOver(String queue, long items, Instant since) {
}
