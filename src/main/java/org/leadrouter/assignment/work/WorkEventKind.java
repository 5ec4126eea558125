package org.leadrouter.assignment.work;

/** The transitions kept in a work item's history. */
public enum WorkEventKind {
    /** Made from a routed lead, waiting in its queue. */
    QUEUED,
    /** Nobody serves the queue: moved to its overflow queue. */
    OVERFLOWED,
    OFFERED,
    ACCEPTED,
    DECLINED,
    TIMED_OUT,
    /** The agent went offline with the offer open: back to waiting, not counted as a refusal. */
    WITHDRAWN,
    /** Waited past a relaxation step of its queue: required skill levels lowered. */
    RELAXED,
    ESCALATED,
    COMPLETED
}
