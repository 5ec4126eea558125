package org.leadrouter.assignment.work;

import java.time.Instant;

/** One transition of a work item; {@code actor} is who made it by hand (a credential's name), null for the service. */
public record WorkEvent(Instant at, WorkEventKind kind, String queue, String agentId, Long offerId, String detail,
                        String actor) {
}
