package org.leadrouter.assignment.queues;

import java.time.Instant;

/**
 * A queue now: its settings, how many items wait (depth) and the oldest of them, how many are
 * offered or being worked, and how many agents serve it and are online.
 */
public record QueueView(QueueSettings settings, int depth, String oldestWaitingId, Instant oldestWaitingSince,
                        int offered, int accepted, int agents, int agentsOnline) {
}
