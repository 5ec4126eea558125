package org.leadrouter.assignment.work;

import java.time.Instant;

/** One offer of one item to one agent; a declined one has a reason code and, optionally, free text. */
public record Offer(long id, String workId, String agentId, String queue, OfferState state, String reasonCode, String reason,
                    Instant offeredAt, Instant expiresAt, Instant closedAt) {
}
