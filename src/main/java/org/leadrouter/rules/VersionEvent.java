package org.leadrouter.rules;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One thing that happened to a segment's rules: the journal entry that lets history, rollback and
 * the audit of who changed what when outlive the process. Only the fields of its kind are set.
 *
 * @param actor      who asked for it over HTTP (the credential's name); null for the watcher and start-up
 * @param fileHashes PROMOTED, REJECTED: each file's content hash (first 12 hex digits), to see which file changed
 * @param promoted   PROMOTED, RECHECKED: the version and its gate results (after a re-check, the new results)
 * @param scenarios  PROMOTED, RECHECKED: the content hash of the scenario files the gates ran against
 * @param rejected   REJECTED: the attempt, with every error and gate result
 * @param quarantine QUARANTINED, and REJECTED when a rule ran past the deadline
 * @param to         ROLLED_BACK: the version active after it
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record VersionEvent(String segment, Kind kind, String version, Instant at, String actor,
                           Map<String, String> fileHashes, SegmentStatus.Version promoted, String scenarios,
                           SegmentStatus.RejectedAttempt rejected, SegmentStatus.Quarantine quarantine, String to) {

    public enum Kind {
        /** A version passed every gate and decides the segment's leads. */
        PROMOTED,
        /** The scenario files changed alone: the gates that read them re-ran against the active version. */
        RECHECKED,
        /** A version failed a gate; the previous one stayed. */
        REJECTED,
        /** The active version was dropped for the previous good one. */
        ROLLED_BACK,
        /** The active version ran past the deadline and was taken out of service. */
        QUARANTINED,
        /** The segment's folder is gone; what happened before it no longer applies. */
        RETIRED
    }

    static VersionEvent promoted(String segment, SegmentStatus.Version version, Map<String, String> fileHashes,
                                 String scenarios, String actor) {
        return new VersionEvent(segment, Kind.PROMOTED, version.version(), version.loadedAt(), actor, fileHashes, version,
                scenarios, null, null, null);
    }

    static VersionEvent rechecked(String segment, SegmentStatus.Version version, String scenarios, Instant at,
                                  String actor) {
        return new VersionEvent(segment, Kind.RECHECKED, version.version(), at, actor, null, version, scenarios, null,
                null, null);
    }

    static VersionEvent rejected(String segment, SegmentStatus.RejectedAttempt attempt, Map<String, String> fileHashes,
                                 SegmentStatus.Quarantine quarantine, String actor) {
        return new VersionEvent(segment, Kind.REJECTED, attempt.version(), attempt.at(), actor, fileHashes, null, null,
                attempt, quarantine, null);
    }

    static VersionEvent rolledBack(String segment, String from, String to, Instant at, String actor) {
        return new VersionEvent(segment, Kind.ROLLED_BACK, from, at, actor, null, null, null, null, null, to);
    }

    static VersionEvent quarantined(String segment, SegmentStatus.Quarantine quarantine) {
        return new VersionEvent(segment, Kind.QUARANTINED, quarantine.version(), quarantine.at(), null, null, null, null,
                null, quarantine, null);
    }

    static VersionEvent retired(String segment, Instant at) {
        return new VersionEvent(segment, Kind.RETIRED, null, at, null, null, null, null, null, null, null);
    }

    /** Each file's content hash, shortened as versions are: enough to tell which file changed. */
    static Map<String, String> hashes(Map<String, byte[]> files) {
        Map<String, String> hashes = new java.util.TreeMap<>();
        files.forEach((name, content) -> hashes.put(name, RuleSetVersion.contentHash(name, content).substring(0, 12)));
        return hashes;
    }
}
