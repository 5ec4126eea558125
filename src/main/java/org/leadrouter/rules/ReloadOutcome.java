package org.leadrouter.rules;

import java.util.List;

/**
 * The answer to a reload or rollback: which version decides the segment's leads now
 * ({@code activeVersion}, null when none does) and the version the request was about
 * ({@code candidateVersion}: the one compiled, or for a rollback the one left). When the
 * candidate was turned down: by which gate, and every problem found.
 */
public record ReloadOutcome(
        String segment,
        Result result,
        String activeVersion,
        String candidateVersion,
        String rejectedBy,
        List<RuleProblem> errors,
        List<GateResult> gates) {

    /** The name used for the compile gate (compile errors, missing global, missing catch-all). */
    public static final String COMPILE_GATE = "compile";

    public enum Result {
        /** The candidate passed every gate and decides the segment's leads now. */
        PROMOTED,
        /** The folder holds the version already active; nothing was compiled. */
        UNCHANGED,
        /**
         * The rule files are those of the active version but the scenario files changed: the gates
         * that read them ran again against the active version, which keeps deciding either way.
         */
        RECHECKED,
        /** The candidate failed a gate; the previous version (if any) stays active. */
        REJECTED,
        /** The folder is gone: the segment is forgotten and its leads get the global fallback. */
        RETIRED,
        /** The previous good version kept in memory is active again. */
        ROLLED_BACK,
        /** The folder holds a version that was rolled back; it stays out until the files change. */
        WITHHELD
    }

    public ReloadOutcome {
        errors = errors == null ? List.of() : List.copyOf(errors);
        gates = gates == null ? List.of() : List.copyOf(gates);
    }
}
