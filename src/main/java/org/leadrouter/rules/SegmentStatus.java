package org.leadrouter.rules;

import java.time.Instant;
import java.util.List;

/**
 * A segment as operators and analysts see it at {@code GET /segments}: the active version, the
 * good versions kept for rollback, the last rejected attempt, the versions rolled back or
 * quarantined (which are not loaded again until their files change), and alerts about the active version.
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
        List<String> rolledBack,
        List<Quarantine> quarantined,
        List<Alert> alerts) {

    public enum Status {
        /** Rules are loaded and deciding leads. */
        ACTIVE,
        /** No version of the rules ever passed the gates; leads get the global fallback route. */
        FAILED
    }

    /** A good version kept in memory, newest first; the first is the active one. */
    public record Version(String version, Instant loadedAt, List<String> files, int ruleCount, List<GateResult> gates,
                          List<RuleProblem> warnings) {
        public Version {
            // Versions recorded before table warnings existed have none.
            warnings = warnings == null ? List.of() : warnings;
        }
    }

    /**
     * Something wrong with the version deciding leads now: a gate it fails since its scenario files
     * changed. It keeps deciding; the analyst fixes the scenarios or the rules.
     */
    public record Alert(String gate, Instant since, String message, List<RuleProblem> problems) {
    }

    /**
     * A version taken out of service because one lead's evaluation ran past the deadline; like a
     * rolled-back version it is not loaded again until the files change.
     *
     * @param rule   the rule that was firing when the evaluation was stopped (null: a condition hung)
     * @param action what was done: rejected by a gate, rolled back to an earlier version, or the segment failed
     */
    public record Quarantine(String version, Instant at, String rule, String reason, String action) {
    }

    /**
     * The last version that was turned down, with the gate that did it and every error; kept
     * until the folder holds a good version again.
     */
    public record RejectedAttempt(String version, Instant at, List<String> files, String rejectedBy,
                                  List<RuleProblem> errors, List<GateResult> gates) {
    }
}
