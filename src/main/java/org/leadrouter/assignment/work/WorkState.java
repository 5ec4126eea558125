package org.leadrouter.assignment.work;

import java.util.Set;

/**
 * Where a work item stands. A declined or timed-out offer puts the item back to WAITING (or
 * ESCALATED, once escalated); the history keeps the DECLINED / TIMED_OUT transition.
 */
public enum WorkState {
    WAITING, OFFERED, ACCEPTED, ESCALATED, COMPLETED;

    /** States in which an item waits for an agent. */
    public static final Set<WorkState> WAITING_STATES = Set.of(WAITING, ESCALATED);

    public boolean isWaiting() {
        return WAITING_STATES.contains(this);
    }
}
