package org.leadrouter.rules;

import java.time.Instant;
import java.util.List;

/**
 * A segment as operators and analysts see it at {@code GET /segments}: the active version, the
 * good versions kept for rollback, the last rejected attempt, and the versions rolled back
 * (which are not loaded again until their files change).
 */
public record SegmentStatus(
        String name,
        Status status,
        String rulesetVersion,
        Instant loadedAt,
        List<String> files,
        int ruleCount,
        String fallbackQueue,
        List<GateResult> gates,
        RejectedAttempt lastRejected,
        List<Version> history,
        List<String> rolledBack) {

    public enum Status {
        /** Rules are loaded and deciding leads. */
        ACTIVE,
        /** No version of the rules ever passed the gates; leads get the global fallback route. */
        FAILED
    }

    /** A good version kept in memory, newest first; the first is the active one. */
    public record Version(String version, Instant loadedAt, List<String> files, int ruleCount, List<GateResult> gates) {
    }

    /**
     * The last version that was turned down, with the gate that did it and every error; kept
     * until the folder holds a good version again.
     */
    public record RejectedAttempt(String version, Instant at, List<String> files, String rejectedBy,
                                  List<RuleProblem> errors, List<GateResult> gates) {
    }
}
