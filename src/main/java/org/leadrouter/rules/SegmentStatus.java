package org.leadrouter.rules;

import java.time.Instant;
import java.util.List;

/** A segment as operators and analysts see it at {@code GET /segments}. */
public record SegmentStatus(
        String name,
        Status status,
        String rulesetVersion,
        Instant loadedAt,
        List<String> files,
        int ruleCount,
        String fallbackQueue,
        RejectedAttempt lastRejected) {

    public enum Status {
        /** Rules are loaded and deciding leads. */
        ACTIVE,
        /** No version of the rules ever compiled; leads get the global fallback route. */
        FAILED
    }

    /** The last version that failed to load, with every error, kept until a later load succeeds. */
    public record RejectedAttempt(String version, Instant at, List<String> files, List<RuleProblem> errors) {
    }
}
