package org.leadrouter.assignment.queues;

import java.time.Instant;

/** A queue with items waiting, and the one that has waited longest. */
public record QueueWait(QueueSettings settings, String oldestWaitingId, Instant oldestWaitingSince) {
}
