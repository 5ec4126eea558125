package org.leadrouter.assignment.work;

import java.time.Instant;

/** One offer of one item to one agent. */
public record Offer(long id, String workId, String agentId, String queue, OfferState state, String reason,
                    Instant offeredAt, Instant expiresAt, Instant closedAt) {
}
