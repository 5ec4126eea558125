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
    COMPLETED,
    /** A supervisor moved it to another queue, or to one agent alone, to wait there afresh. */
    TRANSFERRED,
    /** A supervisor gave it to a named agent as accepted work. */
    ASSIGNED,
    /** A supervisor moved accepted work from one agent to another. */
    REASSIGNED,
    /** A supervisor sent an escalated item back to the queue it was escalated from. */
    RELEASED,
    /** An agent asked for the next item they qualify for and got it as accepted work. */
    PULLED
}
