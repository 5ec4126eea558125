package org.leadrouter.routing;

/**
 * Why a lead was not routed by a specific rule on complete data. Decided once, when the lead is
 * decided, and recorded with it, so the fallback volume per cause is a count, not a parse of reasons.
 * When several apply, the first in this order is recorded: a failure of the rules hides whatever
 * the data was like, and degraded data explains whatever route the rules then took.
 */
public enum FallbackCause {
    /** The segment is not one the service has rules for: the global fallback queue. */
    UNKNOWN_SEGMENT,
    /** The segment's rules never loaded (or were retired): the global fallback queue. */
    SEGMENT_FAILED,
    /** A rule threw, fired past the limit or ran past its deadline: the segment's catch-all queue. */
    RULE_FAILED,
    /** A step preparing the lead (postcode normalising, region lookup) failed: the rules saw less. */
    ENRICHMENT_DEGRADED,
    /** A rule routed the lead for review with {@code decision.incomplete(...)}: data is missing. */
    INCOMPLETE_DATA,
    /** Only the catch-all (or no rule at all) routed the lead. */
    NO_RULE_MATCHED;

    /** How the per-minute totals (lead_minutes.cause) name the leads with no cause. */
    public static final String NONE = "NONE";
}
