package org.leadrouter.alerts;

/** What an alert is about. */
public enum AlertKind {
    FALLBACK_SHARE, ACCEPTANCE_RATE, TIME_TO_ASSIGN, QUEUE_SLA,
    /** A segment's live rules fail a gate since its scenario files changed (docs/reload.md). */
    RULES_GATE,

    /** Leads escalated past their escalation target (refused there, or nobody there), not yet accepted. */
    ESCALATION_REFUSED;

    /** The id prefix: fallback-share, acceptance-rate, ... */
    String slug() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
