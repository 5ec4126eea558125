package org.leadrouter.rules;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Where a segment's versions, their files and what happened to them are kept, so that history,
 * rollback and the audit survive a restart. The registry writes every change here as it makes it;
 * a journal that cannot write logs and carries on, because rules must keep loading without it.
 */
public interface VersionJournal {

    /** Records an event; for PROMOTED also the version's files (stored once per content). */
    void record(VersionEvent event, Map<String, byte[]> files);

    /** The segment's events since it was last retired, oldest first: what its state is rebuilt from. */
    List<VersionEvent> sinceRetired(String segment);

    /** The segments with recorded changes since they were last retired: those a restart has history for. */
    Set<String> segments();

    /** The segment's most recent events, newest first, at most {@code limit}. */
    List<VersionEvent> recent(String segment, int limit);

    /** A stored version's files by name, empty if the version's files were never stored. */
    Map<String, byte[]> files(String version);
}
