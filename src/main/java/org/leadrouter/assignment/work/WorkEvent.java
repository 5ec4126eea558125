package org.leadrouter.assignment.work;

import java.time.Instant;

/** One transition of a work item. */
public record WorkEvent(Instant at, WorkEventKind kind, String queue, String agentId, Long offerId, String detail) {
}
